import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { monthlyLines, oneTimeLines, quote, refusal } from '../../testing'

/** PRICING.md §5, business-plus (base_plus_tiers): expectations computed by hand from the spec. */

const plus = (tier: string | undefined, items: Record<string, number>, usage: QuoteRequestInput['usage'] = {}): QuoteRequestInput => ({
  offering: 'business-plus',
  termMonths: 12,
  options: tier ? { tier } : {},
  items,
  customer: { status: 'new' },
  usage,
})
const minimum = (amount: number) => ['tier_baseline', amount, 'base_plus_tiers.tier_minimum']
const actual = (code: string, amount: number) => [code, amount, 'base_plus_tiers.actual_above_minimum']
/** The tier's VAS, free: listed at 0. */
const included = (...codes: string[]) => codes.map((code) => [code, 0, 'base_plus_tiers.tier_includes'])
const t300Vas = included('ringback', 'sms-1000')
const t600Vas = included('ringback', 'sms-1000', 'cloud-mail')
const t1000Vas = included('ringback', 'sms-1000', 'cloud-mail', 'static-ip')

describe('business-plus (base_plus_tiers)', () => {
  it('T300 above the tier bills actual (rentals + usage), VAS at 0, installs charged', () => {
    const q = quote(plus('T300', { 'fixed-line': 1, 'bb-100': 1 }))
    expect(q.monthly.commitment).toBe(30000)
    expect(q.monthly.estimatedBill).toBe(2500 + 63000)
    expect(monthlyLines(q)).toEqual([actual('fixed-line', 2500), actual('bb-100', 63000), ...t300Vas])
    expect(oneTimeLines(q)).toEqual([
      ['fixed-line:install', 20000, false, 'base_plus_tiers.standard_install'],
      ['bb-100:install', 30000, false, 'base_plus_tiers.standard_install'],
    ])
    expect(q.oneTime.total).toBe(20000 + 30000)
    expect(q.oneTime.waived).toBe(0)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 11 * 5000 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 5000 })
  })

  it('T300 boundary: actual 300.00 bills the tier, 300.01 bills actual', () => {
    expect(monthlyLines(quote(plus('T300', { 'fixed-line': 1 }, { local_voice: 27500 })))).toEqual([minimum(30000), ...t300Vas])
    const above = quote(plus('T300', { 'fixed-line': 1 }, { local_voice: 27501 }))
    expect(monthlyLines(above)).toEqual([actual('fixed-line', 2500), actual('usage:local_voice', 27501), ...t300Vas])
    expect(above.monthly.estimatedBill).toBe(30001)
  })

  it('all three usage categories count toward actual', () => {
    const q = quote(plus('T300', {}, { local_voice: 10000, long_distance: 10000, mobile: 10001 }))
    expect(monthlyLines(q)).toEqual([
      actual('usage:local_voice', 10000),
      actual('usage:long_distance', 10000),
      actual('usage:mobile', 10001),
      ...t300Vas,
    ])
    expect(q.monthly.estimatedBill).toBe(30001)
  })

  it('T600 below the tier: baseline plus ringback, SMS and cloud mail at 0', () => {
    const q = quote(plus('T600', {}))
    expect(q.monthly.estimatedBill).toBe(60000)
    expect(monthlyLines(q)).toEqual([minimum(60000), ...t600Vas])
    expect(q.oneTime.lines).toEqual([])
  })

  it('T1000 exactly at ¥1000 bills 100000 with no excess line; static IP included at 0', () => {
    // actual = 2500 + 63000 + 34500 = 100000
    const q = quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }, { local_voice: 34500 }))
    expect(monthlyLines(q)).toEqual([minimum(100000), ...t1000Vas])
    expect(q.monthly.estimatedBill).toBe(100000)
  })

  it('T1000 above ¥1000: 90 % of the excess, rounded half up', () => {
    // excess 5 → 4.5 → 5; excess 15 → 13.5 → 14
    expect(monthlyLines(quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }, { local_voice: 34505 })))).toEqual([
      minimum(100000),
      ...t1000Vas,
      ['excess', 5, 'base_plus_tiers.excess_discounted'],
    ])
    expect(quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }, { local_voice: 34515 })).monthly.estimatedBill).toBe(100014)
  })

  it('T1000 waives every install, and the ETF adds the pro-rata waived one-time', () => {
    const q = quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }))
    expect(oneTimeLines(q)).toEqual([
      ['fixed-line:install', 20000, true, 'base_plus_tiers.tier_waives_installs'],
      ['bb-100:install', 30000, true, 'base_plus_tiers.tier_waives_installs'],
    ])
    expect(q.oneTime.total).toBe(0)
    expect(q.oneTime.waived).toBe(50000)
    // r × 5000 + round_half_up(50000 × r / 12)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 55000 + 45833 })
    expect(q.earlyTermination[5]).toEqual({ afterMonths: 6, fee: 30000 + 25000 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 5000 + 4167 })
  })

  it('refuses a missing or unknown tier, a mobile line, two broadband, a static IP', () => {
    expect(refusal(plus(undefined, { 'fixed-line': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'options.tier' })
    expect(refusal(plus('T2000', { 'fixed-line': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'options.tier' })
    expect(refusal(plus('T300', { 'mobile-line': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.mobile-line' })
    expect(refusal(plus('T300', { 'bb-100': 1, 'bb-300': 1 }))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(plus('T300', { 'bb-100': 2 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.bb-100' })
    expect(refusal(plus('T1000', { 'static-ip': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.static-ip' })
    expect(refusal(plus('T300', { 'fixed-line': 9 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
  })
})
