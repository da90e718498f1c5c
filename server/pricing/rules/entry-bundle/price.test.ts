import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { monthlyLines, oneTimeLines, quote, refusal } from '../../testing'

/** PRICING.md §6, shangjiale (entry_bundle): bill = 99 + pct(U, 0.85). Numbers computed by hand. */

const joy = (usage: QuoteRequestInput['usage'] = {}, items: Record<string, number> = {}): QuoteRequestInput => ({
  offering: 'shangjiale',
  termMonths: 12,
  items,
  customer: { status: 'new' },
  usage,
})
const entryAndIncluded = [
  ['entry', 9900, 'entry_bundle.entry_price'],
  ['mobile-line', 0, 'entry_bundle.included'],
  ['fixed-line', 0, 'entry_bundle.included'],
]

describe('shangjiale (entry_bundle)', () => {
  it('zero usage bills the ¥99 entry price and lists the included lines at 0', () => {
    const q = quote(joy())
    expect(monthlyLines(q)).toEqual(entryAndIncluded)
    expect(q.monthly.lines.map((line) => line.quantity)).toEqual([undefined, 1, 2])
    expect(q.monthly.estimatedBill).toBe(9900)
    expect(q.monthly.commitment).toBe(9900)
    expect(q.firstYearTotal).toBe(12 * 9900)
  })

  it('usage of all three categories at 85 %, in one line, rounded half up', () => {
    expect(monthlyLines(quote(joy({ mobile: 1 })))).toEqual([...entryAndIncluded, ['usage', 1, 'entry_bundle.usage_discounted']]) // 0.85
    expect(quote(joy({ local_voice: 3, long_distance: 3, mobile: 4 })).monthly.estimatedBill).toBe(9909) // 8.5
    expect(quote(joy({ local_voice: 15 })).monthly.estimatedBill).toBe(9913) // 12.75
    expect(quote(joy({ long_distance: 13 })).monthly.estimatedBill).toBe(9911) // 11.05
  })

  it('two ¥200 installs waived, and the ETF is r × 30 + round_half_up(40000 × r / 12)', () => {
    const q = quote(joy())
    expect(oneTimeLines(q)).toEqual([['fixed-line:install', 40000, true, 'entry_bundle.installs_waived']])
    expect(q.oneTime.total).toBe(0)
    expect(q.oneTime.waived).toBe(40000)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 33000 + 36667 })
    expect(q.earlyTermination[5]).toEqual({ afterMonths: 6, fee: 18000 + 20000 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 3000 + 3333 })
  })

  it('lists no items, so any item is refused', () => {
    expect(refusal(joy({}, { 'fixed-line': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(monthlyLines(quote(joy({}, { 'fixed-line': 0 })))).toEqual(entryAndIncluded)
  })
})
