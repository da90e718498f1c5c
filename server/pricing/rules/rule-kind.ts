import type { Catalog } from '../catalog'
import type { GuardrailCode } from '../guardrails/codes'
import type { Offering } from '../catalog-schema'
import type { Text } from '../labels'
import type { NegotiationBand } from '../negotiation'
import type { PricingError } from '../pricing-error'
import type { ItemCount } from '../primitives'
import type { PricingContext, RuleOutcome } from '../pricing-context'

/** The options a rule kind asks the customer to choose (plan / payment / tier). */
export const optionNames = ['payment', 'plan', 'tier'] as const
export type OptionName = (typeof optionNames)[number]

export interface RuleOption {
  name: OptionName
  choices: { id: string; label: Text }[]
}

/** What a description may read besides the rule's args: component names and prices, the offering. */
export interface DescribeScope {
  catalog: Pick<Catalog, 'components'>
  offering: Offering
}

/**
 * A guardrail an offering's rule args break (server/pricing/guardrails): `path` is relative to the
 * rule, or to the offering when the fault is in the offering's own fields (`root: 'offering'`, e.g.
 * its eligibility), so the draft editor can mark the field.
 */
export interface KindGuardrailViolation {
  code: GuardrailCode
  path: (string | number)[]
  root?: 'offering'
  message: Text
}

export interface Faq {
  question: Text
  answer: Text
}

/**
 * Everything a customer reads about a rule, generated from its args: the price in plain words, the
 * contract terms (narrowed to the chosen options when a quote has them) and FAQ answers.
 */
export interface RuleDescription {
  /** Two or three short selling points with the numbers that sell it (cards, hero, meta description). */
  highlights: Text[]
  price: Text[]
  terms: Text[]
  faq: Faq[]
}

/**
 * One kind of pricing rule, whole: its args (validated by the catalog schema's union), its closed set
 * of line codes, its options, what it prices, what it delivers and how it is described.
 */
export interface RuleKind<Args extends { kind: string }, Code extends string = string> {
  kind: Args['kind']
  codes: readonly Code[]
  options(args: Args): RuleOption[]
  /** Component codes the rule puts on a bill by itself (package contents), checked by the loader. */
  includedComponents(args: Args): string[]
  price(ctx: PricingContext, args: Args): RuleOutcome<Code> | PricingError
  /** What is installed, delivered and reserved for an order: requested items plus package contents. */
  delivers(args: Args, requested: ItemCount[], options: Record<string, string>): ItemCount[]
  describe(args: Args, scope: DescribeScope, options?: Record<string, string>): RuleDescription
  /** The declared average monthly spend (X, fen) the rule prices, for a kind that asks for one: refusals outside it name the bound. */
  averageSpendLimits?(args: Args): { min: number; max: number }
  /** How far staff may set X by hand from the declared average, for a kind that prices X and whose data allows it. */
  negotiationBand?(args: Args): NegotiationBand | undefined
  /** The catalog guardrails this kind's args can break (a draft is refused on save); none for a kind without any. */
  guardrails?(args: Args, scope: DescribeScope): KindGuardrailViolation[]
}

/** Adds package contents to the requested items, merging counts of the same component. */
export function withPackage(requested: ItemCount[], included: readonly ItemCount[]): ItemCount[] {
  const counts = new Map(requested.filter((item) => item.count > 0).map((item) => [item.code, item.count]))
  for (const item of included) counts.set(item.code, Math.max(counts.get(item.code) ?? 0, item.count))
  return [...counts].map(([code, count]) => ({ code, count }))
}
