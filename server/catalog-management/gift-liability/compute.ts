import { sum } from '../../pricing/money'
import { monthIndex, type Month } from './months'

/**
 * Gift liability (DOMAIN.md, financial risk: "a gift that carries over to later months is a
 * liability and must be recorded as one"), computed from what orders' quotes declare, no billing
 * data: a gift earned in month M is credited in M+1 and usable for `lapseMonths` months (M+1..M+L);
 * unused, it lapses at the end of M+L. So at the end of month K the gifts earned in K−L+1..K are
 * still owed: that is the liability carried into later months. A one-off credit for the first month
 * of service (a prepay bonus) is owed from the month the order is placed (and paid for) until the end
 * of that first month, when it lapses unused. A monthly care budget (evergreen's
 * careCredit) is spent or not within its own month and carries nothing: shown beside, not counted.
 */

/** One live (not cancelled) order as the computation needs it. */
export interface LiabilityOrder {
  offering: string
  /** The Shanghai month its service starts: when it was activated, else its booked installation date. */
  startMonth: Month
  /** The Shanghai month it was placed: a one-off credit is granted then. */
  placedMonth: Month
  /** Gifts the quote says a month of service earns (fen), each a credit for later months. */
  giftsPerMonth: number
  /** A one-off credit usable in the first month of service only (a prepay bonus), in fen. */
  firstMonthCredit: number
  /** The quote's monthly care budget (fen): used within its month, not a liability. */
  careCreditPerMonth: number
  /** How many months after it is credited a gift may still be used (the rule's giftLapsesAfterMonths, else 1). */
  lapseMonths: number
}

export interface MonthFigures {
  month: Month
  /** Orders in service that month (started by then, not cancelled). */
  liveOrders: number
  /** Of them, those whose quote earns a gift each month. */
  giftOrders: number
  /** Gifts earned by the month's service, credited from next month. */
  earnedFen: number
  /** Gifts earned earlier and usable this month. */
  creditedFen: number
  /** Gifts whose last usable month this is: they lapse at its end, if unused. */
  lapsingFen: number
  /** Gifts earned and not yet lapsed at the month's end: the liability carried into later months. */
  carriedFen: number
  /** Care budgets of the month (not a liability: they do not carry over). */
  careBudgetFen: number
}

export interface RangeFigures {
  /** Orders in service in any month of the range. */
  liveOrders: number
  giftOrders: number
  earnedFen: number
  creditedFen: number
  lapsingFen: number
  /** The liability carried at the end of the range's last month. */
  closingFen: number
  /** The highest month-end liability of the range. */
  peakFen: number
  careBudgetFen: number
}

export interface OfferingLiability {
  offering: string
  /** The lapse periods (months) its orders' catalog versions set, ascending. */
  lapseMonths: number[]
  months: MonthFigures[]
  total: RangeFigures
}

export interface LiabilityFigures {
  months: Month[]
  offerings: OfferingLiability[]
  /** All offerings, per month and for the whole range. */
  totals: { months: MonthFigures[]; total: RangeFigures }
}

/** What one order contributes in month `k` (months as indices). */
function orderInMonth(order: LiabilityOrder, start: number, k: number): Omit<MonthFigures, 'month'> {
  const lapse = Math.max(1, order.lapseMonths)
  const earned = (m: number) => (m >= start ? order.giftsPerMonth : 0)
  const live = k >= start
  let credited = 0
  let carried = 0
  for (let back = 1; back <= lapse; back++) credited += earned(k - back)
  for (let back = 0; back < lapse; back++) carried += earned(k - back)
  // The one-off credit: granted when placed (never after service starts), usable and lapsing in the first month.
  const granted = Math.min(monthIndex(order.placedMonth), start)
  const once = order.firstMonthCredit
  return {
    liveOrders: live ? 1 : 0,
    giftOrders: live && (order.giftsPerMonth > 0 || once > 0) ? 1 : 0,
    earnedFen: earned(k) + (k === granted ? once : 0),
    creditedFen: credited + (k === start ? once : 0),
    lapsingFen: earned(k - lapse) + (k === start ? once : 0),
    carriedFen: carried + (granted <= k && k < start ? once : 0),
    careBudgetFen: live ? order.careCreditPerMonth : 0,
  }
}

const monthFields = ['liveOrders', 'giftOrders', 'earnedFen', 'creditedFen', 'lapsingFen', 'carriedFen', 'careBudgetFen'] as const

function addUp(month: Month, parts: readonly Omit<MonthFigures, 'month'>[]): MonthFigures {
  const figures = { month } as MonthFigures
  for (const field of monthFields) figures[field] = sum(parts.map((part) => part[field]))
  return figures
}

function rangeOf(months: readonly MonthFigures[], orders: readonly LiabilityOrder[], lastMonth: number): RangeFigures {
  const inRange = orders.filter((order) => monthIndex(order.startMonth) <= lastMonth)
  return {
    liveOrders: inRange.length,
    giftOrders: inRange.filter((order) => order.giftsPerMonth > 0 || order.firstMonthCredit > 0).length,
    earnedFen: sum(months.map((month) => month.earnedFen)),
    creditedFen: sum(months.map((month) => month.creditedFen)),
    lapsingFen: sum(months.map((month) => month.lapsingFen)),
    closingFen: months.at(-1)?.carriedFen ?? 0,
    peakFen: Math.max(0, ...months.map((month) => month.carriedFen)),
    careBudgetFen: sum(months.map((month) => month.careBudgetFen)),
  }
}

/**
 * The liability per offering and month over `months` (consecutive, ascending), and the totals.
 * Offerings with no order in service in the range are left out; the rest keep `offeringOrder`
 * (the catalog's order), then slug.
 */
export function giftLiability(orders: readonly LiabilityOrder[], months: readonly Month[], offeringOrder: readonly string[] = []): LiabilityFigures {
  const indices = months.map(monthIndex)
  const lastMonth = indices.at(-1) ?? Number.NEGATIVE_INFINITY
  const starts = new Map(orders.map((order) => [order, monthIndex(order.startMonth)]))
  // In service by the range's end, or owing a first-month credit granted by then.
  const live = orders.filter((order) => starts.get(order)! <= lastMonth || (order.firstMonthCredit > 0 && monthIndex(order.placedMonth) <= lastMonth))
  const bySlug = new Map<string, LiabilityOrder[]>()
  for (const order of live) bySlug.set(order.offering, [...(bySlug.get(order.offering) ?? []), order])

  const rank = (slug: string) => (offeringOrder.includes(slug) ? offeringOrder.indexOf(slug) : offeringOrder.length)
  const slugs = [...bySlug.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  const monthsOf = (group: readonly LiabilityOrder[]) =>
    months.map((month, position) => addUp(month, group.map((order) => orderInMonth(order, starts.get(order)!, indices[position]))))

  const offerings = slugs.map((offering): OfferingLiability => {
    const group = bySlug.get(offering)!
    const figures = monthsOf(group)
    return { offering, lapseMonths: [...new Set(group.map((order) => order.lapseMonths))].sort((a, b) => a - b), months: figures, total: rangeOf(figures, group, lastMonth) }
  })
  const totalMonths = months.map((month, position) => addUp(month, offerings.map((offering) => offering.months[position])))
  return { months: [...months], offerings, totals: { months: totalMonths, total: rangeOf(totalMonths, live, lastMonth) } }
}
