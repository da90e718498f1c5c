import type { Catalog } from './catalog'
import type { Offering } from './catalog-schema'
import { priceQuote } from './engine'
import { divideHalfUp, sum } from './money'
import { optionChoices } from './rules/registry'

const MONTHS_IN_YEAR = 12

/**
 * "From ¥N a month": the lowest first-year average of the smallest configuration, over every
 * option and term. Prepayments count (they buy months); installation fees do not.
 */
export function fromMonthlyPrice(catalog: Catalog, offering: Offering): number | null {
  const prices: number[] = []
  for (const options of optionCombinations(optionChoices(offering.rule))) {
    for (const termMonths of offering.terms) {
      const result = priceQuote(catalog, offering, {
        offering: offering.slug,
        termMonths,
        options,
        items: smallestConfiguration(offering),
        customer: {
          status: offering.eligibility.statuses[0],
          priorMonthlySpend: Array(3).fill(offering.rule.kind === 'commitment_plan' ? offering.rule.minimumX : 0) as [number, number, number],
        },
        usage: {},
      })
      if (result.ok) {
        const { quote } = result
        const prepaid = sum(quote.oneTime.lines.filter((line) => line.code === 'prepay').map((line) => line.amount))
        prices.push(divideHalfUp(prepaid + sum(quote.schedule.map((month) => month.bill)), MONTHS_IN_YEAR))
      }
    }
  }
  return prices.length > 0 ? Math.min(...prices) : null
}

function smallestConfiguration(offering: Offering): Record<string, number> {
  const items = Object.fromEntries(offering.items.filter((item) => item.min > 0).map((item) => [item.code, item.min]))
  for (const group of offering.itemGroups) {
    // The first code of a group that must be present is its entry-level choice (e.g. 100M).
    if (group.min > 0) items[group.codes[0]] = Math.max(items[group.codes[0]] ?? 0, group.min)
  }
  return items
}

function optionCombinations(choices: Record<string, string[]>): Record<string, string>[] {
  return Object.entries(choices).reduce<Record<string, string>[]>(
    (combinations, [name, values]) => combinations.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value }))),
    [{}],
  )
}
