import type { Catalog } from './catalog'
import type { Offering } from './catalog-schema'
import { describeEarlyTermination } from './early-termination'
import { kindOf } from './rules/registry'
import type { RuleDescription } from './rules/rule-kind'

/**
 * Descriptions by offering and chosen options. A catalog version's offerings are immutable objects, so
 * the words built from one never change: building them costs more than pricing a quote, so once.
 */
const described = new WeakMap<Offering, Map<string, RuleDescription>>()

/**
 * Everything the site says about an offering's price, built from the data that sets it: selling points
 * (the rule's, then the offering's qualitative ones), the rule's plain-words price, its contract terms
 * followed by the early-termination rule, and its FAQ.
 */
export function describeOffering(catalog: Pick<Catalog, 'components'>, offering: Offering, options?: Record<string, string>): RuleDescription {
  const key = options ? JSON.stringify(Object.entries(options).sort(([a], [b]) => a.localeCompare(b))) : ''
  let byOptions = described.get(offering)
  if (!byOptions) described.set(offering, (byOptions = new Map()))
  let description = byOptions.get(key)
  if (!description) {
    const own = kindOf(offering.rule).describe(offering.rule, { catalog, offering }, options)
    description = {
      ...own,
      highlights: [...own.highlights, ...offering.sellingPoints],
      terms: [...own.terms, describeEarlyTermination(offering.earlyTermination)],
    }
    byOptions.set(key, description)
  }
  return description
}
