import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import type { PricedQuote } from '../schemas/quote'
import { MAX_ITEM_COUNT, quoteRequestSchema, type QuoteRequestInput } from '../schemas/quote-request'
import { catalog, price, quote } from './testing'
import { priceQuote } from './engine'
import { kindOf, ruleKinds } from './rules/registry'
import { prepaidPerMonth } from './monthly-cost'

/** Invariants of PRICING.md "Quote totals" over generated valid requests of every offering. */

const NUM_RUNS = 300
const MAX_USAGE = 10_000_000

type Status = 'new' | 'existing'
type Prior = [number, number, number]

const total = (amounts: number[]) => amounts.reduce((sum, amount) => sum + amount, 0)

// ---- arbitraries -------------------------------------------------------------------------------

const amount = (min = 0, max = MAX_USAGE) => fc.integer({ min, max })
const usageArb = fc.record({ local_voice: amount(), long_distance: amount(), mobile: amount() }, { requiredKeys: [] })
const anyPrior: fc.Arbitrary<Prior> = fc.tuple(amount(), amount(), amount())
/** Every month within [¥500, ¥200,000] keeps X = round_half_up(sum / 3) within the plan limits. */
const evergreenPrior: fc.Arbitrary<Prior> = fc.tuple(amount(50_000, 20_000_000), amount(50_000, 20_000_000), amount(50_000, 20_000_000))

function customerArb(statuses: Status[], priorRequiredFor: Status[], priorArb: fc.Arbitrary<Prior> = anyPrior) {
  return fc
    .record({
      status: fc.constantFrom(...statuses),
      optionalPrior: fc.option(priorArb, { nil: undefined }),
      requiredPrior: priorArb,
      current: fc.option(amount(), { nil: undefined }),
      employees: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    })
    .map(({ status, optionalPrior, requiredPrior, current, employees }) => {
      const priorMonthlySpend = priorRequiredFor.includes(status) ? requiredPrior : optionalPrior
      return {
        status,
        ...(priorMonthlySpend ? { priorMonthlySpend } : {}),
        ...(current === undefined ? {} : { currentMonthlySpend: current }),
        ...(employees === undefined ? {} : { employees }),
      }
    })
}
const anyCustomer = customerArb(['new', 'existing'], [])

const commitmentPlanItems = fc
  .record({
    fixed: fc.integer({ min: 0, max: 50 }),
    centrex: fc.integer({ min: 0, max: 200 }),
    mobile: fc.integer({ min: 0, max: 200 }),
    broadband: fc.constantFrom(null, 'bb-100', 'bb-300', 'bb-1000'),
    staticIp: fc.integer({ min: 0, max: 1 }),
  })
  .map(({ fixed, centrex, mobile, broadband, staticIp }) => ({
    'fixed-line': fixed,
    'centrex-ext': centrex,
    'mobile-line': mobile,
    ...(broadband ? { [broadband]: 1, 'static-ip': staticIp } : { 'static-ip': 0 }),
  }))

const validRequests: Record<string, fc.Arbitrary<QuoteRequestInput>> = {
  'bb-express': fc
    .record({
      payment: fc.constantFrom('monthly', 'prepay-6', 'prepay-12'),
      speed: fc.constantFrom('bb-100', 'bb-300', 'bb-1000'),
      staticIp: fc.integer({ min: 0, max: 1 }),
      customer: anyCustomer,
      usage: usageArb,
    })
    .map(({ payment, speed, staticIp, customer, usage }) => ({
      offering: 'bb-express',
      termMonths: 0,
      options: { payment },
      items: { [speed]: 1, 'static-ip': staticIp },
      customer,
      usage,
    })),
  'fixed-broadband': fc
    .record({
      lines: fc.integer({ min: 1, max: 8 }),
      speed: fc.constantFrom('bb-100', 'bb-300'),
      staticIp: fc.integer({ min: 0, max: 1 }),
      termMonths: fc.constantFrom(12, 24),
      customer: customerArb(['new', 'existing'], ['existing']),
      usage: usageArb,
    })
    .map(({ lines, speed, staticIp, termMonths, customer, usage }) => ({
      offering: 'fixed-broadband',
      termMonths,
      items: { 'fixed-line': lines, [speed]: 1, 'static-ip': staticIp },
      customer,
      usage,
    })),
  'fixed-mobile': fc
    .record({ mobiles: fc.integer({ min: 1, max: 5 }), customer: customerArb(['existing'], ['existing']), usage: usageArb })
    .map(({ mobiles, customer, usage }) => ({ offering: 'fixed-mobile', termMonths: 12, items: { 'mobile-line': mobiles }, customer, usage })),
  'local-ld-gift': fc
    .record({ lines: fc.integer({ min: 1, max: 4 }), customer: anyCustomer, usage: usageArb })
    .map(({ lines, customer, usage }) => ({ offering: 'local-ld-gift', termMonths: 0, items: { 'fixed-line': lines }, customer, usage })),
  'business-plus': fc
    .record({
      tier: fc.constantFrom('T300', 'T600', 'T1000'),
      lines: fc.integer({ min: 0, max: 8 }),
      broadband: fc.constantFrom(null, 'bb-100', 'bb-300', 'bb-1000'),
      customer: anyCustomer,
      usage: usageArb,
    })
    .map(({ tier, lines, broadband, customer, usage }) => ({
      offering: 'business-plus',
      termMonths: 12,
      options: { tier },
      items: { 'fixed-line': lines, ...(broadband ? { [broadband]: 1 } : {}) },
      customer,
      usage,
    })),
  shangjiale: fc
    .record({ customer: anyCustomer, usage: usageArb })
    .map(({ customer, usage }) => ({ offering: 'shangjiale', termMonths: 12, customer, usage })),
  evergreen: fc
    .record({
      plan: fc.constantFrom('A', 'B', 'C'),
      termMonths: fc.constantFrom(6, 12),
      items: commitmentPlanItems,
      customer: customerArb(['new', 'existing'], ['new', 'existing'], evergreenPrior),
      usage: usageArb,
    })
    .map(({ plan, termMonths, items, customer, usage }) => ({ offering: 'evergreen', termMonths, options: { plan }, items, customer, usage })),
  'evergreen-winback': fc
    .record({
      options: fc.constantFrom({}, { plan: 'A' }),
      items: commitmentPlanItems,
      customer: customerArb(['new', 'existing'], ['new', 'existing'], evergreenPrior),
      usage: usageArb,
    })
    .map(({ options, items, customer, usage }) => ({ offering: 'evergreen-winback', termMonths: 12, options, items, customer, usage })),
}

const slugs = Object.keys(validRequests)

function amountsOf(q: PricedQuote): number[] {
  return [
    ...q.oneTime.lines.map((line) => line.amount),
    q.oneTime.total,
    q.oneTime.waived,
    ...q.monthly.lines.map((line) => line.amount),
    q.monthly.estimatedBill,
    q.monthly.careCredit,
    ...(q.monthly.commitment === null ? [] : [q.monthly.commitment]),
    ...(q.monthly.allowance === null ? [] : [q.monthly.allowance]),
    ...q.schedule.map((month) => month.bill),
    ...q.gifts.map((gift) => gift.amount),
    q.firstYearTotal,
    ...q.earlyTermination.map((entry) => entry.fee),
    ...(q.x === undefined ? [] : [q.x]),
  ]
}

// ---- properties --------------------------------------------------------------------------------

it('every offering of the seed has a generator', () => {
  expect([...slugs].sort()).toEqual([...catalog.offerings.keys()].sort())
})

describe.each(slugs)('%s: valid requests', (slug) => {
  const requests = validRequests[slug]
  const check = (predicate: (input: QuoteRequestInput) => void) =>
    fc.assert(
      fc.property(requests, (input) => {
        predicate(input)
      }),
      { numRuns: NUM_RUNS },
    )

  it('are priced', () => {
    check((input) => {
      const result = price(input)
      expect(result.ok ? 'ok' : result.error).toBe('ok')
    })
  })

  it('give only non-negative integer amounts', () => {
    check((input) => {
      for (const value of amountsOf(quote(input))) {
        expect(Number.isSafeInteger(value) && value >= 0, `amount ${value}`).toBe(true)
      }
    })
  })

  it('have monthly lines adding up to the bill, and a 12-month schedule starting with it', () => {
    check((input) => {
      const q = quote(input)
      expect(total(q.monthly.lines.map((line) => line.amount))).toBe(q.monthly.estimatedBill)
      expect(q.schedule.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
      expect(q.schedule[0].bill).toBe(q.monthly.estimatedBill)
    })
  })

  it('have one-time totals of the non-waived and waived lines', () => {
    check((input) => {
      const q = quote(input)
      expect(q.oneTime.total).toBe(total(q.oneTime.lines.filter((line) => !line.waived).map((line) => line.amount)))
      expect(q.oneTime.waived).toBe(total(q.oneTime.lines.filter((line) => line.waived).map((line) => line.amount)))
    })
  })

  it('have firstYearTotal = oneTime.total + the 12 bills', () => {
    check((input) => {
      const q = quote(input)
      expect(q.firstYearTotal).toBe(q.oneTime.total + total(q.schedule.map((month) => month.bill)))
    })
  })

  it('never bill below the commitment', () => {
    check((input) => {
      const q = quote(input)
      if (q.monthly.commitment !== null) expect(q.monthly.estimatedBill).toBeGreaterThanOrEqual(q.monthly.commitment)
    })
  })

  it('have term − 1 early-termination fees, non-increasing', () => {
    check((input) => {
      const q = quote(input)
      const term = input.termMonths!
      expect(q.earlyTermination.map((entry) => entry.afterMonths)).toEqual(Array.from({ length: Math.max(0, term - 1) }, (_, i) => i + 1))
      for (let i = 1; i < q.earlyTermination.length; i++) {
        expect(q.earlyTermination[i].fee).toBeLessThanOrEqual(q.earlyTermination[i - 1].fee)
      }
    })
  })

  it('are deterministic', () => {
    check((input) => {
      const request = quoteRequestSchema.parse(input)
      const offering = catalog.offerings.get(request.offering)!
      expect(priceQuote(catalog, offering, request)).toEqual(priceQuote(catalog, offering, quoteRequestSchema.parse(structuredClone(input))))
    })
  })

  it('have only lines whose rule is one of the codes of the offering’s rule kind', () => {
    const codes: readonly string[] = ruleKinds[catalog.offerings.get(slug)!.rule.kind].codes
    check((input) => {
      const q = quote(input)
      for (const line of [...q.oneTime.lines, ...q.monthly.lines]) expect(codes, `${line.code}: ${line.rule}`).toContain(line.rule)
    })
  })

  it('deliver every requested item with a count above 0, at least as many as requested', () => {
    const rule = catalog.offerings.get(slug)!.rule
    check((input) => {
      const q = quote(input)
      const requested = Object.entries(input.items ?? {}).map(([code, count]) => ({ code, count }))
      const delivered = new Map(kindOf(rule).delivers(rule, requested, q.options).map((item) => [item.code, item.count]))
      for (const { code, count } of requested.filter((item) => item.count > 0)) {
        expect(delivered.get(code) ?? 0, code).toBeGreaterThanOrEqual(count)
      }
    })
  })

  it('have savings iff the current spend is given, annual = 12 × current − (the 12 bills + prepaid)', () => {
    check((input) => {
      const q = quote(input)
      const current = input.customer.currentMonthlySpend
      if (current === undefined) {
        expect(q.savings).toBeNull()
      } else {
        expect(q.savings).toEqual({
          monthly: current - q.monthly.estimatedBill - prepaidPerMonth(q.prepaid),
          annual: 12 * current - total(q.schedule.map((month) => month.bill)) - (q.prepaid?.amount ?? 0),
          currentMonthlySpend: current,
        })
      }
    })
  })
})

describe.each(slugs.filter((slug) => catalog.offerings.get(slug)!.items.length > 0))('%s: counts above the maximum', (slug) => {
  const limits = catalog.offerings.get(slug)!.items
  it('are invalid_configuration, pointing at the item', () => {
    const overMax = fc
      .tuple(validRequests[slug], fc.constantFrom(...limits))
      .chain(([input, limit]) =>
        fc.integer({ min: limit.max + 1, max: MAX_ITEM_COUNT }).map((count) => ({
          input: { ...input, items: { ...input.items, [limit.code]: count } },
          code: limit.code,
        })),
      )
    fc.assert(
      fc.property(overMax, ({ input, code }) => {
        const result = price(input)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid_configuration', field: `items.${code}` })
      }),
      { numRuns: NUM_RUNS },
    )
  })
})
