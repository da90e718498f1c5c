import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { monthlyLines, quote, refusal } from '../../testing'

/** PRICING.md §3, fixed-mobile (group_mobile): expectations computed by hand from the spec. */

const existing = { status: 'existing' as const, priorMonthlySpend: [15000, 15000, 15000] as [number, number, number] }
const group = (mobiles: number, usage: QuoteRequestInput['usage'] = {}, customer: QuoteRequestInput['customer'] = existing): QuoteRequestInput => ({
  offering: 'fixed-mobile',
  termMonths: 12,
  items: { 'mobile-line': mobiles },
  customer,
  usage,
})
const base = ['base', 5000, 'group_mobile.base']
const mobiles = (count: number) => ['mobile-line', count * 3800, 'group_mobile.mobile_rental']

describe('fixed-mobile (group_mobile)', () => {
  it('exactly at the included amounts charges nothing extra', () => {
    const q = quote(group(2, { local_voice: 5000, mobile: 6000 }))
    expect(q.monthly.commitment).toBe(5000 + 2 * 3800)
    expect(q.monthly.estimatedBill).toBe(12600)
    expect(monthlyLines(q)).toEqual([base, mobiles(2)])
  })

  it('local voice over ¥50 and mobile usage over 30N are charged in full; long distance at 80 %', () => {
    // +1 local, +1 mobile, long distance 3 × 0.8 = 2.4 -> 2
    const q = quote(group(2, { local_voice: 5001, mobile: 6001, long_distance: 3 }))
    expect(monthlyLines(q)).toEqual([
      base,
      mobiles(2),
      ['usage:local_voice', 1, 'group_mobile.local_over_included'],
      ['usage:mobile', 1, 'group_mobile.mobile_over_included'],
      ['usage:long_distance', 2, 'group_mobile.long_distance_discount'],
    ])
    expect(q.monthly.estimatedBill).toBe(12600 + 1 + 1 + 2)
    // 12345 × 0.8 = 9876
    expect(monthlyLines(quote(group(1, { long_distance: 12345 })))).toEqual([
      base,
      mobiles(1),
      ['usage:long_distance', 9876, 'group_mobile.long_distance_discount'],
    ])
  })

  it('five mobiles include ¥150 of mobile usage', () => {
    expect(monthlyLines(quote(group(5, { mobile: 15000 })))).toEqual([base, mobiles(5)])
    const over = quote(group(5, { mobile: 15001 }))
    expect(monthlyLines(over)).toEqual([base, mobiles(5), ['usage:mobile', 1, 'group_mobile.mobile_over_included']])
    expect(over.monthly.estimatedBill).toBe(24001)
  })

  it('has no one-time charges and an ETF of r × ¥20', () => {
    const q = quote(group(3))
    expect(q.oneTime).toMatchObject({ lines: [], total: 0, waived: 0 })
    expect(q.earlyTermination).toHaveLength(11)
    q.earlyTermination.forEach((entry, index) => expect(entry).toEqual({ afterMonths: index + 1, fee: (11 - index) * 2000 }))
  })

  it('is for existing customers only, who must declare prior spend', () => {
    expect(refusal(group(1, {}, { status: 'new', priorMonthlySpend: [15000, 15000, 15000] }))).toMatchObject({
      code: 'not_eligible',
      field: 'customer.status',
    })
    expect(refusal(group(1, {}, { status: 'existing' }))).toMatchObject({
      code: 'prior_spend_required',
      field: 'customer.priorMonthlySpend',
    })
  })

  it('refuses 0 or 6 mobiles and a fixed-line item (the existing line is included)', () => {
    expect(refusal(group(0))).toMatchObject({ code: 'invalid_configuration', field: 'items.mobile-line' })
    expect(refusal(group(6))).toMatchObject({ code: 'invalid_configuration', field: 'items.mobile-line' })
    expect(refusal({ ...group(1), items: { 'mobile-line': 1, 'fixed-line': 1 } })).toMatchObject({
      code: 'invalid_configuration',
      field: 'items.fixed-line',
    })
  })
})
