import type { Catalog } from './catalog'
import type { Offering } from './catalog-schema'
import { describeEarlyTermination } from './early-termination'
import { kindOf } from './rules/registry'
import type { RuleDescription } from './rules/rule-kind'

/**
 * Everything the site says about an offering's price, built from the data that sets it: selling points
 * (the rule's, then the offering's qualitative ones), the rule's plain-words price, its contract terms followed by the early-termination rule, and its FAQ.
 */
export function describeOffering(catalog: Pick<Catalog, 'components'>, offering: Offering, options?: Record<string, string>): RuleDescription {
  const description = kindOf(offering.rule).describe(offering.rule, { catalog, offering }, options)
  return {
    ...description,
    highlights: [...description.highlights, ...offering.sellingPoints],
    terms: [...description.terms, describeEarlyTermination(offering.earlyTermination)],
  }
}
