import { z } from 'zod'
import { basePlusTiers } from './base-plus-tiers'
import { basePlusTiersArgs } from './base-plus-tiers/args'
import { broadbandPayment } from './broadband-payment'
import { broadbandPaymentArgs } from './broadband-payment/args'
import { commitmentPlan } from './commitment-plan'
import { commitmentPlanArgs } from './commitment-plan/args'
import { entryBundle } from './entry-bundle'
import { entryBundleArgs } from './entry-bundle/args'
import { fixedMonthlyPackage } from './fixed-monthly-package'
import { fixedMonthlyPackageArgs } from './fixed-monthly-package/args'
import { groupMobile } from './group-mobile'
import { groupMobileArgs } from './group-mobile/args'
import { localSpendGift } from './local-spend-gift'
import { localSpendGiftArgs } from './local-spend-gift/args'
import type { Text } from '../labels'
import type { NegotiationBand } from '../negotiation'
import type { RuleKind } from './rule-kind'

/**
 * Raise it whenever a rule kind prices the same args differently (price book v2 corrected the
 * local-spend gift and the care credit): the same data then becomes a new catalog version.
 */
export const PRICING_RULES_REVISION = 2

/** The price book's rule: one of the kinds below, each validating its own args. */
export const pricingRuleSchema = z.discriminatedUnion('kind', [
  broadbandPaymentArgs,
  fixedMonthlyPackageArgs,
  groupMobileArgs,
  localSpendGiftArgs,
  basePlusTiersArgs,
  entryBundleArgs,
  commitmentPlanArgs,
])

export type PricingRule = z.infer<typeof pricingRuleSchema>
export type RuleKindName = PricingRule['kind']

type Registry = { [Kind in RuleKindName]: RuleKind<Extract<PricingRule, { kind: Kind }>> }

/** Every rule kind, by name: the one place the engine, explainer, configurator and orders look up. */
export const ruleKinds: Registry = {
  broadband_payment: broadbandPayment,
  fixed_monthly_package: fixedMonthlyPackage,
  group_mobile: groupMobile,
  local_spend_gift: localSpendGift,
  base_plus_tiers: basePlusTiers,
  entry_bundle: entryBundle,
  commitment_plan: commitmentPlan,
}

/** The kind module of a rule, typed to that rule's args. */
export function kindOf<Rule extends PricingRule>(rule: Rule): RuleKind<Rule> {
  return ruleKinds[rule.kind] as unknown as RuleKind<Rule>
}

/** The choices of each option a rule asks for: `{ plan: ['A', 'B', 'C'] }`. */
export function optionChoices(rule: PricingRule): Record<string, string[]> {
  return Object.fromEntries(kindOf(rule).options(rule).map((option) => [option.name, option.choices.map((choice) => choice.id)]))
}

/** What each choice is called: `{ payment: { 'prepay-12': { zh: '预付12个月', en: 'Prepay 12 months' } } }`. */
export function optionLabels(rule: PricingRule): Record<string, Record<string, Text>> {
  return Object.fromEntries(
    kindOf(rule)
      .options(rule)
      .map((option) => [option.name, Object.fromEntries(option.choices.map((choice) => [choice.id, choice.label]))]),
  )
}

/** The average monthly spend a rule prices (below: `below_minimum`, above: `refer_to_manager`), or null where none is asked. */
export function averageSpendLimits(rule: PricingRule): { min: number; max: number } | null {
  return kindOf(rule).averageSpendLimits?.(rule) ?? null
}

/** How far staff may set X by hand (assisted quotes), or null where the rule's data allows none. */
export function negotiationBandOf(rule: PricingRule): NegotiationBand | null {
  return kindOf(rule).negotiationBand?.(rule) ?? null
}
