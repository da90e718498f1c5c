import { describe, expect, it } from 'vitest'
import { quote } from '../../pricing/testing'
import { sum } from '../../pricing/money'
import { giftLiability, type LiabilityOrder } from './compute'
import { addMonths, monthsFrom, shanghaiMonth, shanghaiMonthEnd } from './months'
import { lapseMonthsOf } from './report'

/**
 * The liability from known orders: what their priced quotes say a month earns, as the report reads
 * stored quotes. local-ld-gift with ¥600 of declared local calls earns ¥500 × 15 % = ¥75 a month.
 */
const localGift = quote({ offering: 'local-ld-gift', termMonths: 0, items: { 'fixed-line': 1 }, customer: { status: 'new' }, usage: { local_voice: 60000 } })
// Evergreen plan A, X = ¥1,000, nothing used: care = (¥1,100 − 0) / 2 = ¥550 a month, no gift.
const evergreen = quote({ offering: 'evergreen', options: { plan: 'A' }, termMonths: 12, items: {}, customer: { status: 'existing', priorMonthlySpend: [100000, 100000, 100000] } })

const orderOf = (q: typeof localGift, startMonth: string, lapseMonths = 1): LiabilityOrder => ({
  offering: q.offering,
  placedMonth: startMonth,
  startMonth,
  giftsPerMonth: sum(q.gifts.map((gift) => gift.amount)),
  firstMonthCredit: 0,
  careCreditPerMonth: q.monthly.careCredit,
  lapseMonths,
})

const RANGE = monthsFrom('2026-11', 6) // Nov 2026 – Apr 2027
const column = (months: { month: string }[], field: string) => months.map((month) => (month as unknown as Record<string, number>)[field])

describe('gift liability (pure)', () => {
  it('the quotes it is built on: ¥75 of long-distance credit; evergreen a ¥550 care budget and no gift', () => {
    expect(localGift.gifts.map((gift) => gift.amount)).toEqual([7500])
    expect(evergreen.gifts).toEqual([])
    expect(evergreen.monthly.careCredit).toBe(55000)
  })

  it('a local-ld-gift order carries ¥75 at the end of each service month, credited the month after and lapsing at its end', () => {
    const { offerings, totals } = giftLiability([orderOf(localGift, '2026-12')], RANGE)
    expect(offerings.map((offering) => offering.offering)).toEqual(['local-ld-gift'])
    const [gift] = offerings
    expect(gift.lapseMonths).toEqual([1])
    expect(column(gift.months, 'month')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04'])
    // November: not in service yet, nothing earned or owed.
    expect(column(gift.months, 'liveOrders')).toEqual([0, 1, 1, 1, 1, 1])
    expect(column(gift.months, 'giftOrders')).toEqual([0, 1, 1, 1, 1, 1])
    expect(column(gift.months, 'earnedFen')).toEqual([0, 7500, 7500, 7500, 7500, 7500])
    expect(column(gift.months, 'carriedFen')).toEqual([0, 7500, 7500, 7500, 7500, 7500])
    // December's gift is credited in January and lapses at January's end if unused.
    expect(column(gift.months, 'creditedFen')).toEqual([0, 0, 7500, 7500, 7500, 7500])
    expect(column(gift.months, 'lapsingFen')).toEqual([0, 0, 7500, 7500, 7500, 7500])
    expect(column(gift.months, 'careBudgetFen')).toEqual([0, 0, 0, 0, 0, 0])
    expect(gift.total).toEqual({ liveOrders: 1, giftOrders: 1, earnedFen: 5 * 7500, creditedFen: 4 * 7500, lapsingFen: 4 * 7500, closingFen: 7500, peakFen: 7500, careBudgetFen: 0 })
    expect(totals.months).toEqual(gift.months)
    expect(totals.total).toEqual(gift.total)
  })

  it('an order already in service before the range carries its earlier gift into the range', () => {
    const [gift] = giftLiability([orderOf(localGift, '2026-06')], RANGE).offerings
    expect(gift.months[0]).toMatchObject({ month: '2026-11', earnedFen: 7500, creditedFen: 7500, lapsingFen: 7500, carriedFen: 7500 })
  })

  it('an evergreen order’s care budget is shown beside, never counted as liability', () => {
    const { offerings, totals } = giftLiability([orderOf(evergreen, '2026-11')], RANGE)
    const [plan] = offerings
    expect(plan.offering).toBe('evergreen')
    expect(column(plan.months, 'careBudgetFen')).toEqual(Array(6).fill(55000))
    for (const field of ['earnedFen', 'creditedFen', 'lapsingFen', 'carriedFen', 'giftOrders']) expect(column(plan.months, field)).toEqual(Array(6).fill(0))
    expect(totals.total).toMatchObject({ liveOrders: 1, giftOrders: 0, closingFen: 0, peakFen: 0, careBudgetFen: 6 * 55000 })
  })

  it('a gift usable for two months carries two months of gifts', () => {
    const [gift] = giftLiability([orderOf(localGift, '2026-12', 2)], RANGE).offerings
    expect(gift.lapseMonths).toEqual([2])
    expect(column(gift.months, 'carriedFen')).toEqual([0, 7500, 15000, 15000, 15000, 15000])
    expect(column(gift.months, 'creditedFen')).toEqual([0, 0, 7500, 15000, 15000, 15000])
    expect(column(gift.months, 'lapsingFen')).toEqual([0, 0, 0, 7500, 7500, 7500])
    // The stock moves by what is earned less what falls due: carried(K) = carried(K−1) + earned(K) − lapsing(K).
    for (let k = 1; k < gift.months.length; k++) {
      const [before, now] = [gift.months[k - 1], gift.months[k]]
      expect(now.carriedFen).toBe(before.carriedFen + now.earnedFen - now.lapsingFen)
    }
  })

  it('totals add up per month over offerings, in catalog order; an order starting after the range is left out', () => {
    const orders = [orderOf(localGift, '2026-12'), orderOf(localGift, '2027-02'), orderOf(evergreen, '2026-11'), orderOf(localGift, '2027-05')]
    const { offerings, totals } = giftLiability(orders, RANGE, ['evergreen', 'local-ld-gift'])
    expect(offerings.map((offering) => offering.offering)).toEqual(['evergreen', 'local-ld-gift'])
    expect(column(totals.months, 'liveOrders')).toEqual([1, 2, 2, 3, 3, 3])
    expect(column(totals.months, 'carriedFen')).toEqual([0, 7500, 7500, 15000, 15000, 15000])
    expect(column(totals.months, 'careBudgetFen')).toEqual(Array(6).fill(55000))
    expect(totals.total).toMatchObject({ liveOrders: 3, giftOrders: 2, closingFen: 15000, peakFen: 15000, earnedFen: 5 * 7500 + 3 * 7500 })
    expect(offerings[1].total.liveOrders).toBe(2)
  })

  it('a first-month credit (a prepay bonus) is owed from the month the order is placed until its first month of service ends', () => {
    const prepaid: LiabilityOrder = { offering: 'bb-express', placedMonth: '2026-11', startMonth: '2027-01', giftsPerMonth: 0, firstMonthCredit: 10000, careCreditPerMonth: 0, lapseMonths: 1 }
    const [line] = giftLiability([prepaid], RANGE).offerings
    expect(column(line.months, 'liveOrders')).toEqual([0, 0, 1, 1, 1, 1])
    expect(column(line.months, 'earnedFen')).toEqual([10000, 0, 0, 0, 0, 0])
    expect(column(line.months, 'carriedFen')).toEqual([10000, 10000, 0, 0, 0, 0])
    expect(column(line.months, 'creditedFen')).toEqual([0, 0, 10000, 0, 0, 0])
    expect(column(line.months, 'lapsingFen')).toEqual([0, 0, 10000, 0, 0, 0])
    // Placed in the range, starting after it: still owed at the range's end.
    const later = giftLiability([{ ...prepaid, startMonth: '2027-06' }], RANGE)
    expect(later.totals.total).toMatchObject({ liveOrders: 0, closingFen: 10000, peakFen: 10000 })
  })

  it('no orders: no offerings, zero totals', () => {
    const { offerings, totals } = giftLiability([], RANGE)
    expect(offerings).toEqual([])
    expect(totals.total).toEqual({ liveOrders: 0, giftOrders: 0, earnedFen: 0, creditedFen: 0, lapsingFen: 0, closingFen: 0, peakFen: 0, careBudgetFen: 0 })
  })
})

describe('Shanghai months', () => {
  it('a month turns at 00:00 Shanghai, 16:00 UTC the day before', () => {
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11')
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12')
    expect(shanghaiMonth(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01')
    expect(shanghaiMonthEnd('2026-11')).toBe('2026-11-30T16:00:00.000Z')
    expect(shanghaiMonthEnd('2026-12')).toBe('2026-12-31T16:00:00.000Z')
  })

  it('counts months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(addMonths('2027-01', -1)).toBe('2026-12')
    expect(monthsFrom('2026-11', 12).at(-1)).toBe('2027-10')
  })
})

describe('how long a gift stays usable', () => {
  it('is the rule’s giftLapsesAfterMonths when its version has one, else one month', () => {
    expect(lapseMonthsOf({ kind: 'local_spend_gift' })).toBe(1)
    expect(lapseMonthsOf({ kind: 'local_spend_gift', giftLapsesAfterMonths: 2 })).toBe(2)
    expect(lapseMonthsOf({ giftLapsesAfterMonths: 0 })).toBe(1)
    expect(lapseMonthsOf(undefined)).toBe(1)
  })
})
