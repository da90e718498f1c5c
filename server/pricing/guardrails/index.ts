import type { PriceBook } from '../catalog-schema'
import type { Text } from '../labels'
import { kindOf } from '../rules/registry'
import type { KindGuardrailViolation } from '../rules/rule-kind'
import type { GuardrailCode } from './codes'
import { earlyTerminationGuardrails } from './early-termination'

export { guardrailCodes, type GuardrailCode } from './codes'

/** A guardrail a price book breaks, with the path of the field from the book's root. */
export interface GuardrailViolation {
  code: GuardrailCode
  path: (string | number)[]
  message: Text
}

/**
 * Every guardrail a parsed price book breaks (empty when it keeps them all): each rule kind checks its
 * own args, the rest is checked here. Two guardrails are the schema's own and never reach this: an
 * offering of more than 3 categories or of no segments does not parse (see schemaGuardrailCode).
 */
export function checkGuardrails(book: PriceBook): GuardrailViolation[] {
  const components = new Map(book.components.map((component) => [component.code, component]))
  return book.offerings.flatMap((offering, index) => {
    const kind = kindOf(offering.rule)
    const fromRoot = ({ code, path, root, message }: KindGuardrailViolation): GuardrailViolation => ({
      code,
      path: ['offerings', index, ...(root === 'offering' ? [] : ['rule']), ...path],
      message,
    })
    return [...(kind.guardrails?.(offering.rule, { catalog: { components }, offering }) ?? []), ...earlyTerminationGuardrails(offering)].map(fromRoot)
  })
}

/**
 * The guardrail a priceBookSchema issue enforces, if any, so a refused save can name it like the others:
 * too many categories (`offerings.N.categories`, too big) or no target segment (`offerings.N.segments`, too small).
 */
export function schemaGuardrailCode(issue: { code: string; path: readonly PropertyKey[] }): GuardrailCode | undefined {
  const [root, index, field] = issue.path
  if (root !== 'offerings' || typeof index !== 'number' || issue.path.length !== 3) return undefined
  if (field === 'categories' && issue.code === 'too_big') return 'offering_categories_limit'
  if (field === 'segments' && issue.code === 'too_small') return 'target_segments_named'
  return undefined
}
