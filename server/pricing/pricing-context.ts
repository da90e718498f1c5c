import type { Catalog } from './catalog'
import type { Component, Offering } from './catalog-schema'
import type { Gift, MonthlyLine, OneTimeLine, Prepaid } from '../schemas/quote'
import type { QuoteRequest } from '../schemas/quote-request'
import { componentLabel, text, type Text } from './labels'
import { sum } from './money'
import type { UsageCategory } from './primitives'

export interface RequestedItem {
  component: Component
  count: number
}

/** What every rule kind gets: the request already checked against the offering's general rules. */
export interface PricingContext {
  catalog: Catalog
  offering: Offering
  request: QuoteRequest
  /** Items with a count above 0, in the offering's order. */
  items: RequestedItem[]
  usage: Record<UsageCategory, number>
  /**
   * The X to price: round_half_up(sum(prior3) / 3) when the customer declared prior spend, or the X a
   * member of staff agreed within the offering's negotiation band (then `declaredX` is the average).
   */
  x: number | null
  /** Set only when staff agreed X by hand: the customer's declared average it was agreed from. */
  declaredX: number | null
  options: Record<string, string>
}

/** A quote line whose rule is one of the closed set of codes of the rule kind that priced it. */
export type Coded<Line extends { rule: string }, Code extends string> = Omit<Line, 'rule'> & { rule: Code }

/** What a rule kind computes; the engine turns it into totals, the ETF schedule and savings. */
export interface RuleOutcome<Code extends string = string> {
  oneTime: Coded<OneTimeLine, Code>[]
  /** The bill of month 1..12 as lines that add up to it. */
  monthLines: (month: number) => Coded<MonthlyLine, Code>[]
  commitment: number | null
  allowance: number | null
  careCredit: number
  gifts: Gift[]
  x?: number
  /** The commitment an early-termination fee is computed from. */
  etfCommitment: number
  /** The monthly broadband discount an early termination pays back. */
  broadbandDiscountPerMonth: number
  /**
   * Money paid up front that buys months of service (a one-time line of this outcome): savings and
   * "from" prices spread it over those months, so a prepaid month is not shown as a free one.
   */
  prepaid?: Prepaid
}

export function itemsOfCategory(items: RequestedItem[], category: Component['category']): RequestedItem[] {
  return items.filter((item) => item.component.category === category)
}

export function rentalOf(items: RequestedItem[]): number {
  return sum(items.map((item) => item.component.monthly * item.count))
}

export function usageOf(usage: PricingContext['usage'], categories: readonly UsageCategory[]): number {
  return sum(categories.map((category) => usage[category]))
}

/** The monthly price of a component on a committed term, when the price book gives one. */
export function termPrice(component: Component, termMonths: number): number | undefined {
  return component.termPrices.find((price) => price.termMonths === termMonths)?.monthly
}

/** One install line per item with an install fee; waived installs stay listed (PRICING.md). */
export function installLines<Code extends string>(
  items: RequestedItem[],
  waive: (item: RequestedItem) => boolean,
  codes: { charged: Code; waived: Code },
): Coded<OneTimeLine, Code>[] {
  return items
    .filter((item) => item.component.install > 0)
    .map((item) => {
      const waived = waive(item)
      return {
        code: `${item.component.code}:install`,
        label: componentLabel(item.component, item.count, text('安装费', 'installation')),
        amount: item.component.install * item.count,
        waived,
        rule: waived ? codes.waived : codes.charged,
      }
    })
}

export function rentalLines<Code extends string>(items: RequestedItem[], rule: Code): Coded<MonthlyLine, Code>[] {
  return items.map((item) => ({
    code: item.component.code,
    label: componentLabel(item.component, item.count),
    amount: item.component.monthly * item.count,
    rule,
    quantity: item.count,
  }))
}

/** Components a package covers: listed at 0 so the customer sees what the price includes. */
export function includedLines<Code extends string>(items: RequestedItem[], rule: Code, note: Text): Coded<MonthlyLine, Code>[] {
  return items.map((item) => ({
    code: item.component.code,
    label: componentLabel(item.component, item.count, note),
    amount: 0,
    rule,
    quantity: item.count,
  }))
}

export const usageNames: Record<UsageCategory, Text> = {
  local_voice: text('本地通话费', 'local calls'),
  long_distance: text('长途通话费', 'long-distance calls'),
  mobile: text('手机通话费', 'mobile usage'),
}

export function usageLine<Code extends string>(category: UsageCategory, amount: number, rule: Code): Coded<MonthlyLine, Code> {
  return { code: `usage:${category}`, label: usageNames[category], amount, rule }
}

export function hasUsage(line: { amount: number }): boolean {
  return line.amount > 0
}

/** The components of a package, as requested items (the catalog has them: the loader checked). */
export function packageItems(catalog: Catalog, included: readonly { code: string; count: number }[]): RequestedItem[] {
  return included.map((item) => ({ component: catalog.components.get(item.code)!, count: item.count }))
}
