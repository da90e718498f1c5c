import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../schemas/quote-request'
import { quote, refusal } from './testing'

/** PRICING.md §1 (bb-express) and §2 (fixed-broadband), expectations computed by hand from the spec. */

const bills = (q: ReturnType<typeof quote>) => q.schedule.map((month) => month.bill)
const lineSum = (q: ReturnType<typeof quote>) => q.monthly.lines.reduce((total, line) => total + line.amount, 0)

describe('bb-express (broadband_payment)', () => {
  const express = (payment: string | undefined, items: Record<string, number>, extra: Partial<QuoteRequestInput> = {}): QuoteRequestInput => ({
    offering: 'bb-express',
    termMonths: 0,
    options: payment ? { payment } : {},
    items,
    customer: { status: 'new' },
    ...extra,
  })

  it('prepay-6 with a static IP: 6 × 650 prepaid, install charged, months 1–6 bill the IP only, 7–12 the monthly price', () => {
    const q = quote(express('prepay-6', { 'bb-300': 1, 'static-ip': 1 }))
    const prepay = q.oneTime.lines.find((line) => line.code === 'prepay')!
    expect(prepay.amount).toBe(390000)
    expect(prepay.waived).toBe(false)
    expect(q.oneTime.lines.find((line) => line.code === 'bb-300:install')).toMatchObject({ amount: 30000, waived: false })
    expect(q.oneTime.total).toBe(420000)
    expect(q.oneTime.waived).toBe(0)
    expect(bills(q)).toEqual([...Array(6).fill(10000), ...Array(6).fill(98000)])
    expect(q.monthly.estimatedBill).toBe(10000)
    expect(q.firstYearTotal).toBe(420000 + 6 * 10000 + 6 * 98000)
    expect(q.monthly.commitment).toBeNull()
    expect(q.monthly.allowance).toBeNull()
    expect(q.earlyTermination).toEqual([])
    expect(q.terms.some((term) => /non-refundable/i.test(term.en))).toBe(true)
  })

  it('prepay-6 without a static IP bills 0 for months 1–6', () => {
    const q = quote(express('prepay-6', { 'bb-100': 1 }))
    expect(bills(q)).toEqual([...Array(6).fill(0), ...Array(6).fill(63000)])
    expect(q.oneTime.total).toBe(279000 + 30000)
    expect(q.firstYearTotal).toBe(309000 + 6 * 63000)
  })

  it('prepay-12 of 1000M: 12 × 888 prepaid, install waived but listed, no bills', () => {
    const q = quote(express('prepay-12', { 'bb-1000': 1 }))
    expect(q.oneTime.lines.find((line) => line.code === 'prepay')!.amount).toBe(1065600)
    expect(q.oneTime.lines.find((line) => line.code === 'bb-1000:install')).toMatchObject({ amount: 30000, waived: true })
    expect(q.oneTime.total).toBe(1065600)
    expect(q.oneTime.waived).toBe(30000)
    expect(bills(q)).toEqual(Array(12).fill(0))
    expect(q.firstYearTotal).toBe(1065600)
    expect(q.terms.some((term) => /non-refundable/i.test(term.en))).toBe(true)
  })

  it('prepay-12 with a static IP still bills the IP every month', () => {
    const q = quote(express('prepay-12', { 'bb-1000': 1, 'static-ip': 1 }))
    expect(bills(q)).toEqual(Array(12).fill(10000))
    expect(q.firstYearTotal).toBe(1065600 + 120000)
  })

  it('monthly: standard price + IP, install charged, no prepay, not called non-refundable', () => {
    const q = quote(express('monthly', { 'bb-300': 1, 'static-ip': 1 }))
    expect(bills(q)).toEqual(Array(12).fill(98000))
    expect(q.oneTime.lines.map((line) => line.code)).toEqual(['bb-300:install'])
    expect(q.oneTime.total).toBe(30000)
    expect(q.firstYearTotal).toBe(30000 + 12 * 98000)
    expect(q.terms.some((term) => /non-refundable/i.test(term.en))).toBe(false)
    expect(lineSum(q)).toBe(q.monthly.estimatedBill)
  })

  it('refuses an order without broadband, with two speeds, or with two static IPs', () => {
    expect(refusal(express('monthly', { 'static-ip': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.bb-100' })
    expect(refusal(express('monthly', {}))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(express('monthly', { 'bb-100': 1, 'bb-300': 1 }))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(express('monthly', { 'bb-100': 1, 'static-ip': 2 }))).toMatchObject({
      code: 'invalid_configuration',
      field: 'items.static-ip',
    })
  })

  it('needs a payment option and term 0', () => {
    expect(refusal(express(undefined, { 'bb-100': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'options.payment' })
    expect(refusal(express('prepay-3', { 'bb-100': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'options.payment' })
    expect(refusal(express('monthly', { 'bb-100': 1 }, { termMonths: 12 }))).toMatchObject({ code: 'invalid_term', field: 'termMonths' })
  })
})

describe('fixed-broadband (fixed_monthly_package)', () => {
  const bundle = (
    items: Record<string, number>,
    usage: QuoteRequestInput['usage'] = {},
    customer: QuoteRequestInput['customer'] = { status: 'new' },
    termMonths = 12,
  ): QuoteRequestInput => ({ offering: 'fixed-broadband', termMonths, items, customer, usage })
  const oneLine100 = { 'fixed-line': 1, 'bb-100': 1 }
  // S = 100 + 300 = 400; actual = 300 + 25 + local + long distance.

  it('bills S when actual equals S exactly', () => {
    const q = quote(bundle(oneLine100, { local_voice: 7500 }))
    expect(q.monthly.estimatedBill).toBe(40000)
    expect(q.monthly.commitment).toBe(40000)
    expect(q.monthly.lines.filter((line) => line.code.startsWith('excess'))).toEqual([])
  })

  it('E = 200 exactly: only the 10 %-off tier, 18000', () => {
    const q = quote(bundle(oneLine100, { local_voice: 20000, long_distance: 7500 }))
    expect(q.monthly.estimatedBill).toBe(58000)
    const excess = q.monthly.lines.filter((line) => line.code.startsWith('excess'))
    expect(excess.map((line) => [line.code, line.amount])).toEqual([['excess_tier_1', 18000]])
    expect(lineSum(q)).toBe(58000)
  })

  it('E = 200.01: 1 fen in the second tier at 80 %, rounded half up to 1', () => {
    const q = quote(bundle(oneLine100, { local_voice: 20000, long_distance: 7501 }))
    const excess = q.monthly.lines.filter((line) => line.code.startsWith('excess'))
    expect(excess.map((line) => [line.code, line.amount])).toEqual([
      ['excess_tier_1', 18000],
      ['excess_tier_2', 1],
    ])
    expect(q.monthly.estimatedBill).toBe(58001)
  })

  it('rounds each tier on its own', () => {
    // E = 5: 4.5 -> 5
    expect(quote(bundle(oneLine100, { local_voice: 7505 })).monthly.estimatedBill).toBe(40005)
    // E = 20002: 18000 + 1.6 -> 2
    expect(quote(bundle(oneLine100, { local_voice: 27502 })).monthly.estimatedBill).toBe(58002)
    // E = 20003: 18000 + 2.4 -> 2
    expect(quote(bundle(oneLine100, { local_voice: 27503 })).monthly.estimatedBill).toBe(58002)
  })

  it('ignores mobile usage', () => {
    expect(quote(bundle(oneLine100, { mobile: 1_000_000 })).monthly.estimatedBill).toBe(40000)
  })

  it('a static IP adds ¥100 to actual', () => {
    expect(quote(bundle(oneLine100)).monthly.estimatedBill).toBe(40000)
    // actual = 300 + 25 + 100 = 425; E = 25 at 90 % = 22.50
    expect(quote(bundle({ ...oneLine100, 'static-ip': 1 })).monthly.estimatedBill).toBe(42250)
  })

  it('bb-300: C = 500, S = 600; new customer: broadband install waived, line installs charged; ETF uses 880 − 500', () => {
    const q = quote(bundle({ 'fixed-line': 2, 'bb-300': 1, 'static-ip': 1 }, {}, { status: 'new' }, 24))
    // actual = 500 + 50 + 100 = 650; E = 50 at 90 % = 45
    expect(q.monthly.commitment).toBe(60000)
    expect(q.monthly.estimatedBill).toBe(64500)
    expect(q.oneTime.lines.find((line) => line.code === 'fixed-line:install')).toMatchObject({ amount: 40000, waived: false })
    expect(q.oneTime.lines.find((line) => line.code === 'bb-300:install')).toMatchObject({ amount: 30000, waived: true })
    expect(q.oneTime.total).toBe(40000)
    expect(q.oneTime.waived).toBe(30000)
    expect(q.earlyTermination).toHaveLength(23)
    // r × 38000 + round_half_up(30000 × r / 24)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 23 * 38000 + 28750 })
    expect(q.earlyTermination[11]).toEqual({ afterMonths: 12, fee: 12 * 38000 + 15000 })
    expect(q.earlyTermination[22]).toEqual({ afterMonths: 23, fee: 38000 + 1250 })
  })

  it('existing customer whose X is below S keeps S and pays every install', () => {
    const q = quote(bundle(oneLine100, {}, { status: 'existing', priorMonthlySpend: [30000, 30000, 30001] }))
    expect(q.monthly.commitment).toBe(40000)
    expect(q.monthly.estimatedBill).toBe(40000)
    expect(q.oneTime.total).toBe(20000 + 30000)
    expect(q.oneTime.waived).toBe(0)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 11 * 33000 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 33000 })
    expect('x' in q).toBe(false)
  })

  it('existing customer whose X is above S: S = X (rounded half up), excess measured from X', () => {
    // X = round(150002 / 3) = 50001; actual = 32500 + 37502 = 70002; E = 20001
    const q = quote(bundle(oneLine100, { local_voice: 37502 }, { status: 'existing', priorMonthlySpend: [50000, 50000, 50002] }))
    expect(q.monthly.commitment).toBe(50001)
    expect(q.monthly.estimatedBill).toBe(50001 + 18000 + 1)
    expect(lineSum(q)).toBe(q.monthly.estimatedBill)
    expect(q.firstYearTotal).toBe(50000 + 12 * 68002)
  })

  it('a new customer who declares prior spend is not floored at X', () => {
    const q = quote(bundle(oneLine100, {}, { status: 'new', priorMonthlySpend: [90000, 90000, 90000] }))
    expect(q.monthly.estimatedBill).toBe(40000)
  })

  it('monthly lines sum to the estimated bill with every kind of line present', () => {
    const q = quote(bundle({ 'fixed-line': 8, 'bb-300': 1, 'static-ip': 1 }, { local_voice: 123457, long_distance: 99999 }))
    // actual = 50000 + 20000 + 10000 + 223456 = 303456; E = 243456 -> 18000 + pct(223456, 0.8) = 18000 + 178765
    expect(q.monthly.estimatedBill).toBe(60000 + 18000 + 178765)
    expect(lineSum(q)).toBe(q.monthly.estimatedBill)
  })

  it('refuses bad configurations', () => {
    expect(refusal(bundle({ 'bb-100': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(refusal(bundle({ 'fixed-line': 9, 'bb-100': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
    expect(refusal(bundle({ 'fixed-line': 1 }))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(bundle({ 'fixed-line': 1, 'bb-1000': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.bb-1000' })
    expect(refusal(bundle(oneLine100, {}, { status: 'existing' }))).toMatchObject({
      code: 'prior_spend_required',
      field: 'customer.priorMonthlySpend',
    })
    expect(refusal(bundle(oneLine100, {}, { status: 'new' }, 6))).toMatchObject({ code: 'invalid_term', field: 'termMonths' })
  })
})
