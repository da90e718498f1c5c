import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { monthlyLines, oneTimeLines, quote, refusal } from '../../testing'

/** PRICING.md §2, fixed-broadband (fixed_monthly_package): expectations computed by hand from the spec. */

const bundle = (
  items: Record<string, number>,
  usage: QuoteRequestInput['usage'] = {},
  customer: QuoteRequestInput['customer'] = { status: 'new' },
  termMonths = 12,
): QuoteRequestInput => ({ offering: 'fixed-broadband', termMonths, items, customer, usage })
const oneLine100 = { 'fixed-line': 1, 'bb-100': 1 }
const prior = (amount: number): [number, number, number] => [amount, amount, amount]

// S = 100 + 300 = 400; actual = 300 + 25 + local + long distance. Every requested item is listed at 0:
// its rental only counts toward actual.
const baseline = (amount: number) => ['baseline', amount, 'fixed_monthly_package.baseline']
const counted = (code: string) => [code, 0, 'fixed_monthly_package.counts_toward_actual']
const excess = (tier: number, amount: number) => [`excess_tier_${tier}`, amount, 'fixed_monthly_package.excess_tier']

describe('fixed-broadband (fixed_monthly_package)', () => {
  it('bills S when actual equals S exactly; a new customer pays the line install, not the broadband one', () => {
    const q = quote(bundle(oneLine100, { local_voice: 7500 }))
    expect(monthlyLines(q)).toEqual([baseline(40000), counted('fixed-line'), counted('bb-100')])
    expect(oneTimeLines(q)).toEqual([
      ['fixed-line:install', 20000, false, 'fixed_monthly_package.standard_install'],
      ['bb-100:install', 30000, true, 'fixed_monthly_package.broadband_install_waived'],
    ])
    expect(q.monthly.estimatedBill).toBe(40000)
    expect(q.monthly.commitment).toBe(40000)
  })

  it('E = 200 exactly: only the 10 %-off tier, 18000', () => {
    const q = quote(bundle(oneLine100, { local_voice: 20000, long_distance: 7500 }))
    expect(monthlyLines(q)).toEqual([baseline(40000), counted('fixed-line'), counted('bb-100'), excess(1, 18000)])
    expect(q.monthly.estimatedBill).toBe(58000)
  })

  it('E = 200.01: 1 fen in the second tier at 80 %, rounded half up to 1', () => {
    const q = quote(bundle(oneLine100, { local_voice: 20000, long_distance: 7501 }))
    expect(monthlyLines(q)).toEqual([baseline(40000), counted('fixed-line'), counted('bb-100'), excess(1, 18000), excess(2, 1)])
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
    const q = quote(bundle(oneLine100, { mobile: 1_000_000 }))
    expect(monthlyLines(q)).toEqual([baseline(40000), counted('fixed-line'), counted('bb-100')])
  })

  it('a static IP adds ¥100 to actual', () => {
    expect(quote(bundle(oneLine100)).monthly.estimatedBill).toBe(40000)
    // actual = 300 + 25 + 100 = 425; E = 25 at 90 % = 22.50
    const q = quote(bundle({ ...oneLine100, 'static-ip': 1 }))
    expect(monthlyLines(q)).toEqual([baseline(40000), counted('fixed-line'), counted('bb-100'), counted('static-ip'), excess(1, 2250)])
    expect(q.monthly.estimatedBill).toBe(42250)
  })

  it('bb-300: C = 500, S = 600; new customer: broadband install waived, line installs charged; ETF uses 880 − 500', () => {
    const q = quote(bundle({ 'fixed-line': 2, 'bb-300': 1, 'static-ip': 1 }, {}, { status: 'new' }, 24))
    // actual = 500 + 50 + 100 = 650; E = 50 at 90 % = 45
    expect(monthlyLines(q)).toEqual([baseline(60000), counted('fixed-line'), counted('bb-300'), counted('static-ip'), excess(1, 4500)])
    expect(q.monthly.commitment).toBe(60000)
    expect(q.monthly.estimatedBill).toBe(64500)
    expect(oneTimeLines(q)).toEqual([
      ['fixed-line:install', 40000, false, 'fixed_monthly_package.standard_install'],
      ['bb-300:install', 30000, true, 'fixed_monthly_package.broadband_install_waived'],
    ])
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
    expect(monthlyLines(q)).toEqual([baseline(40000), counted('fixed-line'), counted('bb-100')])
    expect(oneTimeLines(q)).toEqual([
      ['fixed-line:install', 20000, false, 'fixed_monthly_package.standard_install'],
      ['bb-100:install', 30000, false, 'fixed_monthly_package.standard_install'],
    ])
    expect(q.monthly.commitment).toBe(40000)
    expect(q.oneTime.total).toBe(20000 + 30000)
    expect(q.oneTime.waived).toBe(0)
    expect(q.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 11 * 33000 })
    expect(q.earlyTermination[10]).toEqual({ afterMonths: 11, fee: 33000 })
    expect('x' in q).toBe(false)
  })

  it('existing customer: X = S keeps the package baseline, X one fen above S floors it at X', () => {
    expect(monthlyLines(quote(bundle(oneLine100, {}, { status: 'existing', priorMonthlySpend: prior(40000) })))).toEqual([
      baseline(40000),
      counted('fixed-line'),
      counted('bb-100'),
    ])
    const floored = quote(bundle(oneLine100, {}, { status: 'existing', priorMonthlySpend: prior(40001) }))
    expect(monthlyLines(floored)).toEqual([
      ['baseline', 40001, 'fixed_monthly_package.baseline_floored_at_prior_spend'],
      counted('fixed-line'),
      counted('bb-100'),
    ])
    expect(floored.monthly.commitment).toBe(40001)
  })

  it('existing customer whose X is above S: S = X (rounded half up), excess measured from X', () => {
    // X = round(150002 / 3) = 50001; actual = 32500 + 37502 = 70002; E = 20001
    const q = quote(bundle(oneLine100, { local_voice: 37502 }, { status: 'existing', priorMonthlySpend: [50000, 50000, 50002] }))
    expect(monthlyLines(q)).toEqual([
      ['baseline', 50001, 'fixed_monthly_package.baseline_floored_at_prior_spend'],
      counted('fixed-line'),
      counted('bb-100'),
      excess(1, 18000),
      excess(2, 1),
    ])
    expect(q.monthly.commitment).toBe(50001)
    expect(q.monthly.estimatedBill).toBe(50001 + 18000 + 1)
    expect(q.firstYearTotal).toBe(50000 + 12 * 68002)
  })

  it('a new customer who declares prior spend is not floored at X', () => {
    const q = quote(bundle(oneLine100, {}, { status: 'new', priorMonthlySpend: prior(90000) }))
    expect(monthlyLines(q)).toEqual([baseline(40000), counted('fixed-line'), counted('bb-100')])
  })

  it('every kind of line at once', () => {
    const q = quote(bundle({ 'fixed-line': 8, 'bb-300': 1, 'static-ip': 1 }, { local_voice: 123457, long_distance: 99999 }))
    // actual = 50000 + 20000 + 10000 + 223456 = 303456; E = 243456 -> 18000 + pct(223456, 0.8) = 18000 + 178765
    expect(monthlyLines(q)).toEqual([
      baseline(60000),
      counted('fixed-line'),
      counted('bb-300'),
      counted('static-ip'),
      excess(1, 18000),
      excess(2, 178765),
    ])
    expect(q.monthly.estimatedBill).toBe(60000 + 18000 + 178765)
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
