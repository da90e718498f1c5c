import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../schemas/quote-request'
import { quote, refusal } from './testing'

/** PRICING.md §3–6: fixed-mobile, local-ld-gift, business-plus, shangjiale. Numbers computed by hand. */

const lineSum = (q: ReturnType<typeof quote>) => q.monthly.lines.reduce((total, line) => total + line.amount, 0)
const existing = { status: 'existing' as const, priorMonthlySpend: [15000, 15000, 15000] as [number, number, number] }

describe('local-ld-gift (local_spend_gift)', () => {
  const gift = (local_voice: number, extra: QuoteRequestInput['usage'] = {}, lines = 2): QuoteRequestInput => ({
    offering: 'local-ld-gift',
    termMonths: 0,
    items: { 'fixed-line': lines },
    customer: { status: 'new' },
    usage: { local_voice, ...extra },
  })

  it.each([
    [0, null],
    [19999, null],
    [20000, 2000], // 10 %
    [20001, 2000], // 2000.1
    [49999, 5000], // 4999.9
    [50000, 7500], // 15 %
    [50003, 7500], // 7500.45
    [50010, 7502], // 7501.5
    [99999, 15000], // 14999.85
    [100000, 20000], // 20 %
    [100003, 20001], // 20000.6
  ])('local_voice %i → gift %s', (local, amount) => {
    const q = quote(gift(local))
    if (amount === null) expect(q.gifts).toEqual([])
    else expect(q.gifts.map(({ kind, amount }) => ({ kind, amount }))).toEqual([{ kind: 'long_distance_credit', amount }])
  })

  it('bill = 25 × lines + local + long distance (mobile ignored); the gift does not reduce it', () => {
    const q = quote(gift(60000, { long_distance: 5000, mobile: 9999 }))
    expect(q.monthly.estimatedBill).toBe(5000 + 60000 + 5000)
    expect(q.schedule.every((month) => month.bill === 70000)).toBe(true)
    expect(q.gifts[0].amount).toBe(9000)
    expect(q.monthly.commitment).toBeNull()
    expect(q.monthly.allowance).toBeNull()
    expect(q.oneTime.total).toBe(40000)
    expect(q.oneTime.waived).toBe(0)
    expect(q.earlyTermination).toEqual([])
    expect(q.firstYearTotal).toBe(40000 + 12 * 70000)
    expect(lineSum(q)).toBe(70000)
  })

  it('the gift applies to the local amount only, not to long distance', () => {
    expect(quote(gift(19999, { long_distance: 500000 })).gifts).toEqual([])
  })

  it('refuses 0 or 5 lines and a term', () => {
    expect(refusal(gift(0, {}, 5))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(refusal(gift(0, {}, 0))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(refusal({ ...gift(0), termMonths: 12 })).toMatchObject({ code: 'invalid_term' })
  })
})

describe('fixed-mobile (group_mobile)', () => {
  const group = (mobiles: number, usage: QuoteRequestInput['usage'] = {}, customer: QuoteRequestInput['customer'] = existing): QuoteRequestInput => ({
    offering: 'fixed-mobile',
    termMonths: 12,
    items: { 'mobile-line': mobiles },
    customer,
    usage,
  })

  it('exactly at the included amounts charges nothing extra', () => {
    const q = quote(group(2, { local_voice: 5000, mobile: 6000 }))
    expect(q.monthly.commitment).toBe(5000 + 2 * 3800)
    expect(q.monthly.estimatedBill).toBe(12600)
    expect(q.monthly.lines.map((line) => [line.code, line.amount])).toEqual([
      ['base', 5000],
      ['mobile-line', 7600],
    ])
  })

  it('local voice over ¥50 and mobile usage over 30N are charged in full; long distance at 80 %', () => {
    // +1 local, +1 mobile, long distance 3 × 0.8 = 2.4 -> 2
    const q = quote(group(2, { local_voice: 5001, mobile: 6001, long_distance: 3 }))
    expect(q.monthly.estimatedBill).toBe(12600 + 1 + 1 + 2)
    expect(lineSum(q)).toBe(q.monthly.estimatedBill)
    // 12345 × 0.8 = 9876
    expect(quote(group(1, { long_distance: 12345 })).monthly.estimatedBill).toBe(8800 + 9876)
    // five mobiles include ¥150 of mobile usage
    expect(quote(group(5, { mobile: 15000 })).monthly.estimatedBill).toBe(24000)
    expect(quote(group(5, { mobile: 15001 })).monthly.estimatedBill).toBe(24001)
  })

  it('has no one-time charges and an ETF of r × ¥20', () => {
    const q = quote(group(3))
    expect(q.oneTime).toMatchObject({ lines: [], total: 0, waived: 0 })
    expect(q.earlyTermination).toHaveLength(11)
    q.earlyTermination.forEach((entry, index) => expect(entry).toEqual({ afterMonths: index + 1, fee: (11 - index) * 2000 }))
  })

  it('existing customer without prior spend → prior_spend_required', () => {
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

describe('business-plus (base_plus_tiers)', () => {
  const plus = (tier: string | undefined, items: Record<string, number>, usage: QuoteRequestInput['usage'] = {}): QuoteRequestInput => ({
    offering: 'business-plus',
    termMonths: 12,
    options: tier ? { tier } : {},
    items,
    customer: { status: 'new' },
    usage,
  })

  it('T300 above the tier bills actual (rentals + usage), VAS at 0, installs charged', () => {
    const q = quote(plus('T300', { 'fixed-line': 1, 'bb-100': 1 }))
    expect(q.monthly.commitment).toBe(30000)
    expect(q.monthly.estimatedBill).toBe(2500 + 63000)
    expect(q.monthly.lines.map((line) => [line.code, line.amount])).toEqual([
      ['fixed-line', 2500],
      ['bb-100', 63000],
      ['ringback', 0],
      ['sms-1000', 0],
    ])
    expect(q.oneTime.total).toBe(20000 + 30000)
    expect(q.oneTime.waived).toBe(0)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 11 * 5000 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 5000 })
  })

  it('T300 boundary: actual 300.00 bills 300.00, 300.01 bills 300.01; all three usage categories count', () => {
    expect(quote(plus('T300', { 'fixed-line': 1 }, { local_voice: 27500 })).monthly.estimatedBill).toBe(30000)
    expect(quote(plus('T300', { 'fixed-line': 1 }, { local_voice: 27501 })).monthly.estimatedBill).toBe(30001)
    expect(quote(plus('T300', {}, { local_voice: 10000, long_distance: 10000, mobile: 10001 })).monthly.estimatedBill).toBe(30001)
  })

  it('T600 below the tier: baseline plus ringback, SMS and cloud mail at 0', () => {
    const q = quote(plus('T600', {}))
    expect(q.monthly.estimatedBill).toBe(60000)
    expect(q.monthly.lines.map((line) => [line.code, line.amount])).toEqual([
      ['tier_baseline', 60000],
      ['ringback', 0],
      ['sms-1000', 0],
      ['cloud-mail', 0],
    ])
  })

  it('T1000 exactly at ¥1000 bills 100000 with no excess line; static IP included at 0', () => {
    // actual = 2500 + 63000 + 34500 = 100000
    const q = quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }, { local_voice: 34500 }))
    expect(q.monthly.estimatedBill).toBe(100000)
    expect(q.monthly.lines.some((line) => line.code === 'excess')).toBe(false)
    expect(q.monthly.lines.find((line) => line.code === 'static-ip')).toMatchObject({ amount: 0 })
    expect(q.monthly.lines.find((line) => line.code === 'cloud-mail')).toMatchObject({ amount: 0 })
  })

  it('T1000 above ¥1000: 90 % of the excess, rounded half up', () => {
    // excess 5 → 4.5 → 5; excess 15 → 13.5 → 14
    expect(quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }, { local_voice: 34505 })).monthly.estimatedBill).toBe(100005)
    expect(quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }, { local_voice: 34515 })).monthly.estimatedBill).toBe(100014)
  })

  it('T1000 waives every install, and the ETF adds the pro-rata waived one-time', () => {
    const q = quote(plus('T1000', { 'fixed-line': 1, 'bb-100': 1 }))
    expect(q.oneTime.lines.every((line) => line.waived)).toBe(true)
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

describe('shangjiale (entry_bundle)', () => {
  const joy = (usage: QuoteRequestInput['usage'] = {}, items: Record<string, number> = {}): QuoteRequestInput => ({
    offering: 'shangjiale',
    termMonths: 12,
    items,
    customer: { status: 'new' },
    usage,
  })

  it('zero usage bills the ¥99 entry price and lists the included lines at 0', () => {
    const q = quote(joy())
    expect(q.monthly.estimatedBill).toBe(9900)
    expect(q.monthly.commitment).toBe(9900)
    expect(q.monthly.lines.map((line) => [line.code, line.amount, line.quantity])).toEqual([
      ['entry', 9900, undefined],
      ['mobile-line', 0, 1],
      ['fixed-line', 0, 2],
    ])
    expect(q.firstYearTotal).toBe(12 * 9900)
  })

  it('usage of all three categories at 85 %, rounded half up', () => {
    expect(quote(joy({ mobile: 1 })).monthly.estimatedBill).toBe(9901) // 0.85
    expect(quote(joy({ local_voice: 3, long_distance: 3, mobile: 4 })).monthly.estimatedBill).toBe(9909) // 8.5
    expect(quote(joy({ local_voice: 15 })).monthly.estimatedBill).toBe(9913) // 12.75
    expect(quote(joy({ long_distance: 13 })).monthly.estimatedBill).toBe(9911) // 11.05
  })

  it('two ¥200 installs waived, and the ETF is r × 30 + round_half_up(40000 × r / 12)', () => {
    const q = quote(joy())
    expect(q.oneTime.lines).toHaveLength(1)
    expect(q.oneTime.lines[0]).toMatchObject({ code: 'fixed-line:install', amount: 40000, waived: true })
    expect(q.oneTime.total).toBe(0)
    expect(q.oneTime.waived).toBe(40000)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 33000 + 36667 })
    expect(q.earlyTermination[5]).toEqual({ afterMonths: 6, fee: 18000 + 20000 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 3000 + 3333 })
  })

  it('lists no items, so any item is refused', () => {
    expect(refusal(joy({}, { 'fixed-line': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(quote(joy({}, { 'fixed-line': 0 })).monthly.estimatedBill).toBe(9900)
  })
})
