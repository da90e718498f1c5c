import type { Prepaid } from '../schemas/quote'
import type { Catalog } from './catalog'
import type { Offering } from './catalog-schema'
import { priceQuote } from './engine'
import { months, text, yuan, type Text } from './labels'
import { monthlyCost } from './monthly-cost'
import { optionChoices, optionLabels } from './rules/registry'

/** A "from" price and what it is the price of, so the page can say it and the configurator open on it. */
export interface FromPrice {
  /** Month 1's bill plus any prepayment spread over its months, as savings count it; installation excluded. */
  monthly: number
  options: Record<string, string>
  termMonths: number
  prepaid: Prepaid | null
  /** The average monthly spend the price assumes, where the price follows it (commitment plans). */
  x: number | null
  /** The option, prepayment, term and assumed spend in words, e.g. "Prepay 12 months, ¥3,996.00 up front, no contract". */
  basis: Text
}

/**
 * "From ¥N a month": the lowest monthly cost of the smallest configuration over every option and term;
 * on a tie the first option and term listed. The configurator opens on the same choices.
 */
export function fromMonthlyPrice(catalog: Catalog, offering: Offering): FromPrice | null {
  let lowest: FromPrice | null = null
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
      if (!result.ok) continue
      const { quote } = result
      const monthly = monthlyCost(quote.monthly.estimatedBill, quote.prepaid)
      if (lowest === null || monthly < lowest.monthly) {
        lowest = { monthly, options, termMonths, prepaid: quote.prepaid, x: quote.x ?? null, basis: describeBasis(offering, options, termMonths, quote.prepaid, quote.x) }
      }
    }
  }
  return lowest
}

function describeBasis(offering: Offering, options: Record<string, string>, termMonths: number, prepaid: Prepaid | null, x: number | undefined): Text {
  const labels = optionLabels(offering.rule)
  const parts: Text[] = [
    ...Object.entries(options).map(([name, value]) => labels[name][value]),
    ...(prepaid ? [text(`一次付 ${yuan(prepaid.amount).zh}`, `${yuan(prepaid.amount).en} up front`)] : []),
    termMonths === 0 ? text('无合约期', 'no contract') : text(`合约期 ${months(termMonths).zh}`, `${termMonths}-month contract`),
    ...(x === undefined ? [] : [text(`按月均通信费 ${yuan(x).zh} 计`, `for an average spend of ${yuan(x).en} a month`)]),
  ]
  return text(parts.map((part) => part.zh).join('，'), parts.map((part) => part.en).join(', '))
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
