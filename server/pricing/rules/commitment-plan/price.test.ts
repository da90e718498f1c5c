import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { monthlyLines, oneTimeLines, price, quote, refusal } from '../../testing'

/** PRICING.md §7–8: evergreen and evergreen-winback (commitment_plan). Numbers computed by hand. */

type Prior = [number, number, number]

function evergreen(
  prior: Prior | undefined,
  {
    plan = 'A',
    termMonths = 12,
    items = {},
    usage = {},
    status = 'existing',
  }: { plan?: string; termMonths?: number; items?: Record<string, number>; usage?: QuoteRequestInput['usage']; status?: 'new' | 'existing' } = {},
): QuoteRequestInput {
  return {
    offering: 'evergreen',
    termMonths,
    options: plan ? { plan } : {},
    items,
    customer: prior ? { status, priorMonthlySpend: prior } : { status },
    usage,
  }
}
const X100: Prior = [100000, 100000, 100000] // X = ¥1000: A → 1100 / 1500, B → 1000 / 1300, C → 900 / 1100
const commitment = (amount: number) => ['commitment', amount, 'commitment_plan.commitment']
const overAllowance = (amount: number) => ['over_allowance', amount, 'commitment_plan.over_allowance']
const countsAsUsage = (code: string) => [code, 0, 'commitment_plan.rental_counts_as_usage']

describe('evergreen: X and its limits', () => {
  it('X = round_half_up(sum / 3): remainder 1 rounds down, remainder 2 rounds up', () => {
    expect(quote(evergreen([50000, 50000, 50001], { plan: 'B' })).x).toBe(50000)
    const q = quote(evergreen([50000, 50000, 50002], { plan: 'B' }))
    expect(q.x).toBe(50001)
    expect(q.monthly.commitment).toBe(50001)
    expect(q.monthly.allowance).toBe(65001) // 65001.3
    expect(monthlyLines(q)).toEqual([commitment(50001)])
  })

  it('plan A multipliers are rounded half up on their own', () => {
    const q = quote(evergreen([50000, 50000, 50002]))
    expect(q.monthly.commitment).toBe(55001) // 55001.1
    expect(q.monthly.allowance).toBe(75002) // 75001.5
  })

  it('X exactly ¥500 is accepted, ¥499.99 is below the minimum', () => {
    expect(quote(evergreen([50000, 50000, 50000])).x).toBe(50000)
    expect(quote(evergreen([49999, 50000, 50000])).x).toBe(50000) // 49999.67
    expect(refusal(evergreen([49999, 49999, 50000]))).toMatchObject({ code: 'below_minimum', field: 'customer.priorMonthlySpend' })
    expect(refusal(evergreen([49999, 49999, 49999]))).toMatchObject({ code: 'below_minimum' })
  })

  it('X exactly ¥200,000 is accepted, one fen more is referred to a manager', () => {
    const q = quote(evergreen([20000000, 20000000, 20000001]))
    expect(q.x).toBe(20000000)
    expect(q.monthly.commitment).toBe(22000000)
    expect(refusal(evergreen([20000000, 20000001, 20000001]))).toMatchObject({ code: 'refer_to_manager' })
    expect(refusal(evergreen([20000001, 20000001, 20000001]))).toMatchObject({ code: 'refer_to_manager' })
  })

  it('requires prior spend from new customers too', () => {
    expect(refusal(evergreen(undefined, { status: 'new' }))).toMatchObject({ code: 'prior_spend_required', field: 'customer.priorMonthlySpend' })
    expect(refusal(evergreen(undefined, { status: 'existing' }))).toMatchObject({ code: 'prior_spend_required' })
    expect(quote(evergreen(X100, { status: 'new' })).monthly.commitment).toBe(110000)
  })
})

describe('evergreen: plans, terms, options', () => {
  it('plans B and C: commitment and allowance from the price book', () => {
    expect(quote(evergreen(X100, { plan: 'B' })).monthly).toMatchObject({ commitment: 100000, allowance: 130000, estimatedBill: 100000 })
    const c = quote(evergreen(X100, { plan: 'C', usage: { mobile: 110001 } }))
    expect(c.monthly).toMatchObject({ commitment: 90000, allowance: 110000, estimatedBill: 90001 })
    expect(monthlyLines(c)).toEqual([commitment(90000), overAllowance(1)])
  })

  it('a missing or unknown plan, or a tier option, is invalid_configuration', () => {
    expect(refusal(evergreen(X100, { plan: '' }))).toMatchObject({ code: 'invalid_configuration', field: 'options.plan' })
    expect(refusal(evergreen(X100, { plan: 'D' }))).toMatchObject({ code: 'invalid_configuration', field: 'options.plan' })
    expect(refusal({ ...evergreen(X100), options: { plan: 'A', tier: 'T300' } })).toMatchObject({
      code: 'invalid_configuration',
      field: 'options.tier',
    })
  })

  it('termMonths 24 or 0 is invalid_term', () => {
    expect(refusal(evergreen(X100, { termMonths: 24 }))).toMatchObject({ code: 'invalid_term', field: 'termMonths' })
    expect(refusal(evergreen(X100, { termMonths: 0 }))).toMatchObject({ code: 'invalid_term' })
  })
})

describe('evergreen: care credit', () => {
  // Plan A, X = 1000: commitment 110000, allowance 150000. v2: careCredit = max(g, 10000) where
  // g = round_half_up((110000 − use) / 2) when use < commitment, else 0: never below ¥100.
  it.each([
    [0, 55000], // gap 110000 → 55000
    [89998, 10001], // gap 20002 → half 10001, above the floor
    [90000, 10000], // gap 20000 → 10000, the floor exactly
    [90001, 10000], // gap 19999 → 9999.5 → 10000
    [90002, 10000], // gap 19998 → half 9999, raised to the floor
    [90003, 10000], // gap 19997 → 9998.5 → 9999, raised to the floor
    [109999, 10000], // gap 1 → 1, raised to the floor
    [110000, 10000], // use = commitment: no gap, the floor still applies
    [150000, 10000], // use = allowance
    [200000, 10000], // over the allowance
  ])('use %i → careCredit %i', (use, care) => {
    const q = quote(evergreen(X100, { usage: { local_voice: use } }))
    expect(q.monthly.careCredit).toBe(care)
    // the care credit is a budget, not a bill reduction
    expect(q.monthly.estimatedBill).toBe(110000 + Math.max(0, use - 150000))
  })

  it('use over the allowance is its own line', () => {
    expect(monthlyLines(quote(evergreen(X100, { usage: { local_voice: 200000 } })))).toEqual([commitment(110000), overAllowance(50000)])
    expect(monthlyLines(quote(evergreen(X100, { usage: { local_voice: 150000 } })))).toEqual([commitment(110000)])
  })
})

describe('evergreen: components', () => {
  it('voice and mobile rentals count as usage toward the allowance (no care share once use passes the commitment); their installs are waived', () => {
    // rentals: 4 × 2500 + 10 × 3000 + 10 × 3800 = 78000; + 72001 usage = 150001 → 1 over the allowance
    const items = { 'fixed-line': 4, 'centrex-ext': 10, 'mobile-line': 10 }
    const q = quote(evergreen(X100, { items, usage: { long_distance: 72001 } }))
    expect(q.monthly.estimatedBill).toBe(110001)
    // use 150001 ≥ commitment 110000: only the ¥100 floor
    expect(q.monthly.careCredit).toBe(10000)
    expect(monthlyLines(q)).toEqual([
      commitment(110000),
      countsAsUsage('fixed-line'),
      countsAsUsage('centrex-ext'),
      countsAsUsage('mobile-line'),
      overAllowance(1),
    ])
    // the mobile line has no install fee, so no line
    expect(oneTimeLines(q)).toEqual([
      ['fixed-line:install', 80000, true, 'commitment_plan.joining_waives_installs'],
      ['centrex-ext:install', 100000, true, 'commitment_plan.joining_waives_installs'],
    ])
    expect(q.oneTime.total).toBe(0)
    expect(q.oneTime.waived).toBe(4 * 20000 + 10 * 10000)
    // rentals alone: use 78000, gap 32000 → care 16000
    expect(quote(evergreen(X100, { items })).monthly.careCredit).toBe(16000)
  })

  it('bb-1000 on a 12-month term is billed at 888 outside X; ETF pays back 1680 − 888', () => {
    const q = quote(evergreen(X100, { items: { 'bb-1000': 1 } }))
    expect(monthlyLines(q)).toEqual([commitment(110000), ['bb-1000', 88800, 'commitment_plan.broadband_term_price']])
    expect(oneTimeLines(q)).toEqual([['bb-1000:install', 30000, true, 'commitment_plan.joining_waives_installs']])
    expect(q.monthly.estimatedBill).toBe(110000 + 88800)
    expect(q.monthly.careCredit).toBe(55000) // broadband is not usage
    expect(q.oneTime).toMatchObject({ total: 0, waived: 30000 })
    // r × pct(110000, 0.1) + r × 79200 + round_half_up(30000 × r / 12)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 11 * 11000 + 11 * 79200 + 27500 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 11000 + 79200 + 2500 })
    expect(q.firstYearTotal).toBe(12 * 198800)
  })

  it('a static IP with broadband is billed at 100 outside X, on the 6-month term price', () => {
    const q = quote(evergreen(X100, { plan: 'B', termMonths: 6, items: { 'bb-100': 1, 'static-ip': 1 } }))
    expect(monthlyLines(q)).toEqual([
      commitment(100000),
      ['bb-100', 46500, 'commitment_plan.broadband_term_price'],
      // the static IP has no term price: its standard monthly
      ['static-ip', 10000, 'commitment_plan.broadband_standard_monthly'],
    ])
    expect(q.monthly.estimatedBill).toBe(100000 + 46500 + 10000)
    expect(q.monthly.careCredit).toBe(50000)
    expect(q.earlyTermination).toHaveLength(5)
    // r × 10000 + r × (63000 − 46500) + round_half_up(30000 × r / 6)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 5 * 10000 + 5 * 16500 + 25000 })
    expect(q.earlyTermination[4]).toEqual({ afterMonths: 5, fee: 10000 + 16500 + 5000 })
    expect(q.schedule.every((month) => month.bill === 156500)).toBe(true)
  })

  // PRICING.md: static-ip needs "a broadband component in the same order"; it is itself in that category.
  it('a static IP without broadband is invalid_configuration', () => {
    expect(price(evergreen(X100, { items: { 'static-ip': 1 } }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_configuration', field: 'items.static-ip' },
    })
  })

  it('a static IP without broadband is invalid_configuration on the win-back offer too', () => {
    const request: QuoteRequestInput = {
      offering: 'evergreen-winback',
      termMonths: 12,
      items: { 'static-ip': 1 },
      customer: { status: 'existing', priorMonthlySpend: X100 },
    }
    expect(price(request)).toMatchObject({ ok: false, error: { code: 'invalid_configuration', field: 'items.static-ip' } })
  })

  it('a static IP with a count of 0 is absent, so it needs no broadband', () => {
    expect(monthlyLines(quote(evergreen(X100, { items: { 'static-ip': 0 } })))).toEqual([commitment(110000)])
  })

  it('refuses two broadband speeds and counts above the maximum', () => {
    expect(refusal(evergreen(X100, { items: { 'bb-100': 1, 'bb-1000': 1 } }))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(evergreen(X100, { items: { 'centrex-ext': 201 } }))).toMatchObject({ code: 'invalid_configuration', field: 'items.centrex-ext' })
    expect(refusal(evergreen(X100, { items: { 'fixed-line': 51 } }))).toMatchObject({ code: 'invalid_configuration', field: 'items.fixed-line' })
  })
})

describe('evergreen-winback', () => {
  const winback = (usage: QuoteRequestInput['usage'] = {}, extra: Partial<QuoteRequestInput> = {}): QuoteRequestInput => ({
    offering: 'evergreen-winback',
    termMonths: 12,
    items: {},
    customer: { status: 'existing', priorMonthlySpend: X100 },
    usage,
    ...extra,
  })
  const introductory = (amount: number) => ['commitment', amount, 'commitment_plan.introductory_commitment']

  it('months 1–6 bill 1.05X, months 7–12 bill 1.1X; month 1 is shown', () => {
    const q = quote(winback())
    expect(monthlyLines(q)).toEqual([introductory(105000)])
    expect(q.schedule.map((month) => month.bill)).toEqual([...Array(6).fill(105000), ...Array(6).fill(110000)])
    // care: half of the 1.05X commitment left unused
    expect(q.monthly).toMatchObject({ commitment: 105000, allowance: 150000, estimatedBill: 105000, careCredit: 52500 })
    expect(q.firstYearTotal).toBe(6 * 105000 + 6 * 110000)
    expect(q.x).toBe(100000)
    expect(q.options).toEqual({ plan: 'A' })
  })

  it('usage over the 1.5X allowance is added in every month', () => {
    const q = quote(winback({ local_voice: 160000 }))
    expect(monthlyLines(q)).toEqual([introductory(105000), overAllowance(10000)])
    expect(q.schedule.map((month) => month.bill)).toEqual([...Array(6).fill(115000), ...Array(6).fill(120000)])
    expect(q.monthly.careCredit).toBe(10000)
  })

  it('the ETF uses the plan commitment 1.1X', () => {
    const q = quote(winback())
    expect(q.earlyTermination).toHaveLength(11)
    q.earlyTermination.forEach((entry, index) => expect(entry).toEqual({ afterMonths: index + 1, fee: (11 - index) * 11000 }))
  })

  it('1.05X rounds half up on its own', () => {
    // X = 100010: 105010.5 → 105011 for months 1–6; 110011 after
    const q = quote(winback({}, { customer: { status: 'existing', priorMonthlySpend: [100010, 100010, 100010] } }))
    expect(q.schedule[0].bill).toBe(105011)
    expect(q.schedule[6].bill).toBe(110011)
  })

  it('has only plan A and a 12-month term', () => {
    expect(refusal(winback({}, { options: { plan: 'B' } }))).toMatchObject({ code: 'invalid_configuration', field: 'options.plan' })
    expect(refusal(winback({}, { termMonths: 6 }))).toMatchObject({ code: 'invalid_term' })
    expect(refusal(winback({}, { customer: { status: 'existing', priorMonthlySpend: [1, 1, 1] } }))).toMatchObject({ code: 'below_minimum' })
  })
})
