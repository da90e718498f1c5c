import { describe, it, expect } from 'vitest'
import { pricedQuoteSchema } from '../schemas/quote'
import { type QuoteRequestInput } from '../schemas/quote-request'
import { quote, refusal } from './testing'

/**
 * PRICING.md "General rules" and "Quote totals": error precedence, absent items, unlisted items and
 * options, error fields, savings. Rule kinds have their own files (rules/<kind>/price.test.ts).
 */

const prior = (amount: number): [number, number, number] => [amount, amount, amount]

describe('error precedence (PRICING.md: the first in this order wins)', () => {
  const fixedMobile = (over: Partial<QuoteRequestInput>): QuoteRequestInput => ({
    offering: 'fixed-mobile',
    termMonths: 12,
    items: { 'mobile-line': 1 },
    customer: { status: 'existing', priorMonthlySpend: prior(15000) },
    ...over,
  })

  it('not_eligible beats invalid_configuration and invalid_term', () => {
    expect(refusal(fixedMobile({ customer: { status: 'new' }, items: { 'mobile-line': 6 } }))).toMatchObject({
      code: 'not_eligible',
      field: 'customer.status',
    })
    expect(refusal(fixedMobile({ customer: { status: 'new' }, termMonths: 24, items: { 'mobile-line': 6 } }))).toMatchObject({
      code: 'not_eligible',
    })
  })

  it('invalid_term beats invalid_configuration', () => {
    expect(refusal(fixedMobile({ termMonths: 24, items: { 'mobile-line': 6 } }))).toMatchObject({ code: 'invalid_term', field: 'termMonths' })
    expect(refusal({ offering: 'evergreen', termMonths: 24, items: {}, customer: { status: 'new', priorMonthlySpend: prior(100000) } })).toMatchObject({
      code: 'invalid_term',
    })
  })

  it('invalid_configuration beats prior_spend_required', () => {
    expect(refusal(fixedMobile({ customer: { status: 'existing' }, items: { 'mobile-line': 6 } }))).toMatchObject({
      code: 'invalid_configuration',
      field: 'items.mobile-line',
    })
    expect(refusal({ offering: 'evergreen', termMonths: 12, customer: { status: 'new' } })).toMatchObject({
      code: 'invalid_configuration',
      field: 'options.plan',
    })
  })

  it('invalid_configuration beats below_minimum / refer_to_manager', () => {
    const evergreen = (over: Partial<QuoteRequestInput>): QuoteRequestInput => ({
      offering: 'evergreen',
      termMonths: 12,
      options: { plan: 'A' },
      items: {},
      customer: { status: 'existing', priorMonthlySpend: prior(1) },
      ...over,
    })
    expect(refusal(evergreen({}))).toMatchObject({ code: 'below_minimum' })
    expect(refusal(evergreen({ options: { plan: 'Z' } }))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(evergreen({ items: { 'mobile-line': 201 } }))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(evergreen({ customer: { status: 'existing', priorMonthlySpend: prior(30_000_000) }, items: { 'bb-100': 2 } }))).toMatchObject({
      code: 'invalid_configuration',
    })
    expect(refusal(evergreen({ customer: { status: 'existing', priorMonthlySpend: prior(30_000_000) } }))).toMatchObject({ code: 'refer_to_manager' })
  })
})

describe('items and options', () => {
  it('a count of 0 means the item is absent', () => {
    const q = quote({
      offering: 'bb-express',
      termMonths: 0,
      options: { payment: 'monthly' },
      items: { 'bb-100': 1, 'bb-300': 0, 'static-ip': 0, 'mobile-line': 0, 'no-such-thing': 0 },
      customer: { status: 'new' },
    })
    expect(q.monthly.estimatedBill).toBe(63000)
    expect(q.monthly.lines.map((line) => line.code)).toEqual(['bb-100'])
    expect(q.oneTime.lines.map((line) => line.code)).toEqual(['bb-100:install'])
  })

  it('a count of 0 for a required item is the item missing', () => {
    expect(refusal({ offering: 'local-ld-gift', termMonths: 0, items: { 'fixed-line': 0 }, customer: { status: 'new' } })).toMatchObject({
      code: 'invalid_configuration',
      field: 'items.fixed-line',
    })
  })

  it('an item the offering does not list is invalid_configuration, with the field of that item', () => {
    const gift = (items: Record<string, number>): QuoteRequestInput => ({ offering: 'local-ld-gift', termMonths: 0, items, customer: { status: 'new' } })
    expect(refusal(gift({ 'fixed-line': 1, 'bb-100': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.bb-100' })
    expect(refusal(gift({ 'fixed-line': 1, 'mobile-line': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.mobile-line' })
    expect(refusal(gift({ 'fixed-line': 1, 'no-such-thing': 2 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.no-such-thing' })
  })

  it('an option the offering does not have is invalid_configuration', () => {
    expect(
      refusal({ offering: 'evergreen', termMonths: 12, options: { plan: 'A', tier: 'T300' }, customer: { status: 'new', priorMonthlySpend: prior(100000) } }),
    ).toMatchObject({ code: 'invalid_configuration', field: 'options.tier' })
    expect(refusal({ offering: 'shangjiale', termMonths: 12, options: { payment: 'monthly' }, customer: { status: 'new' } })).toMatchObject({
      code: 'invalid_configuration',
      field: 'options.payment',
    })
    expect(
      refusal({ offering: 'bb-express', termMonths: 0, options: { payment: 'monthly', plan: 'A' }, items: { 'bb-100': 1 }, customer: { status: 'new' } }),
    ).toMatchObject({ code: 'invalid_configuration', field: 'options.plan' })
  })

  it('a missing option is invalid_configuration, with the field of the option', () => {
    expect(refusal({ offering: 'bb-express', termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' } })).toMatchObject({
      code: 'invalid_configuration',
      field: 'options.payment',
    })
    expect(refusal({ offering: 'business-plus', termMonths: 12, customer: { status: 'new' } })).toMatchObject({
      code: 'invalid_configuration',
      field: 'options.tier',
    })
  })

  it('offerings without options echo none; chosen options are echoed', () => {
    expect(quote({ offering: 'shangjiale', termMonths: 12, customer: { status: 'new' } }).options).toEqual({})
    expect(quote({ offering: 'business-plus', termMonths: 12, options: { tier: 'T600' }, customer: { status: 'new' } }).options).toEqual({ tier: 'T600' })
  })

  it('x is returned by evergreen offerings only', () => {
    const fb = quote({
      offering: 'fixed-broadband',
      termMonths: 12,
      items: { 'fixed-line': 1, 'bb-100': 1 },
      customer: { status: 'existing', priorMonthlySpend: prior(90000) },
    })
    expect(fb).not.toHaveProperty('x')
    expect(fb.monthly.commitment).toBe(90000)
  })

  it('quotes satisfy the output schema', () => {
    const q = quote({ offering: 'evergreen', termMonths: 6, options: { plan: 'C' }, items: { 'bb-300': 1 }, customer: { status: 'new', priorMonthlySpend: prior(70000) } })
    expect(() => pricedQuoteSchema.parse(q)).not.toThrow()
  })
})

describe('termTotal (what the whole term costs)', () => {
  it('is the one-time charges plus the bills of every month of the term, past the first year too', () => {
    const twoYears = quote({ offering: 'fixed-broadband', termMonths: 24, items: { 'fixed-line': 1, 'bb-100': 1 }, customer: { status: 'new' } })
    // ¥200 line install (broadband install waived for new customers) + 24 × S (¥400)
    expect(twoYears.termTotal).toBe(20000 + 24 * 40000)
    const winback = quote({ offering: 'evergreen-winback', termMonths: 12, customer: { status: 'existing', priorMonthlySpend: prior(100000) } })
    expect(winback.termTotal).toBe(6 * 105000 + 6 * 110000)
  })

  it('is null without a contract term', () => {
    expect(quote({ offering: 'bb-express', termMonths: 0, options: { payment: 'monthly' }, items: { 'bb-100': 1 }, customer: { status: 'new' } }).termTotal).toBeNull()
  })
})

describe('savings', () => {
  const gift = (currentMonthlySpend?: number): QuoteRequestInput => ({
    offering: 'local-ld-gift',
    termMonths: 0,
    items: { 'fixed-line': 1 },
    customer: currentMonthlySpend === undefined ? { status: 'new' } : { status: 'new', currentMonthlySpend },
  })

  it('is null when the current spend is not given', () => {
    expect(quote(gift()).savings).toBeNull()
  })

  it('shows negative savings honestly when the current spend is below the bill', () => {
    // bill 2500 every month
    expect(quote(gift(2000)).savings).toEqual({ monthly: -500, annual: 24000 - 30000, currentMonthlySpend: 2000 })
    expect(quote(gift(0)).savings).toEqual({ monthly: -2500, annual: -30000, currentMonthlySpend: 0 })
    expect(quote(gift(2500)).savings).toEqual({ monthly: 0, annual: 0, currentMonthlySpend: 2500 })
  })

  it('annual = 12 × current − the 12 bills, when bills change during the year', () => {
    // win-back: 6 × 105000 + 6 × 110000 = 1290000
    const winback = quote({
      offering: 'evergreen-winback',
      termMonths: 12,
      customer: { status: 'existing', priorMonthlySpend: prior(100000), currentMonthlySpend: 120000 },
    })
    expect(winback.savings).toEqual({ monthly: 15000, annual: 1440000 - 1290000, currentMonthlySpend: 120000 })
  })

  const broadband = (payment: string, currentMonthlySpend: number, items: Record<string, number> = { 'bb-100': 1 }): QuoteRequestInput => ({
    offering: 'bb-express',
    termMonths: 0,
    options: { payment },
    items,
    customer: { status: 'new', currentMonthlySpend },
  })

  it('counts a prepayment in the months it buys: monthly = current − (month-1 bill + prepaid / months)', () => {
    // prepay-12 of 100M: ¥3,996 up front for 12 months of ¥0 bills is ¥333 a month, not ¥630 saved
    const twelve = quote(broadband('prepay-12', 63000))
    expect(twelve.prepaid).toEqual({ amount: 399600, months: 12 })
    expect(twelve.savings).toEqual({ monthly: 63000 - 33300, annual: 12 * 63000 - 399600, currentMonthlySpend: 63000 })
    // prepay-6: bills 0 × 6 then 63000 × 6, plus ¥2,790 up front
    const six = quote(broadband('prepay-6', 63000))
    expect(six.savings).toEqual({ monthly: 63000 - 46500, annual: 12 * 63000 - (6 * 63000 + 279000), currentMonthlySpend: 63000 })
  })

  it('adds the month-1 bill to the spread prepayment; a quote without current spend has no savings', () => {
    // 100M prepaid 12 months (¥333 a month) and a static IP billed monthly (¥100)
    const twoLines = quote(broadband('prepay-12', 100000, { 'bb-100': 1, 'static-ip': 1 }))
    expect(twoLines.savings).toEqual({ monthly: 100000 - (10000 + 33300), annual: 12 * 100000 - (12 * 10000 + 399600), currentMonthlySpend: 100000 })
    const unknown = quote({ ...broadband('prepay-6', 0), customer: { status: 'new' } })
    expect(unknown.savings).toBeNull()
    expect(unknown.prepaid).toEqual({ amount: 279000, months: 6 })
  })

  it('has no prepayment for monthly payment', () => {
    const monthly = quote(broadband('monthly', 63000))
    expect(monthly.prepaid).toBeNull()
    expect(monthly.savings).toEqual({ monthly: 0, annual: 0, currentMonthlySpend: 63000 })
  })
})
