import { describe, it, expect } from 'vitest'
import priceBook from '../../db/seed/price-book.json'
import { quoteRequestSchema, type QuoteRequestInput } from '../schemas/quote-request'
import { buildCatalog, type Catalog } from './catalog'
import type { PriceBookInput } from './catalog-schema'
import { priceQuote } from './engine'
import { fromMonthlyPrice } from './from-price'

/** The price book as data: the loader rejects bad books; prices follow the data. */

const seed = priceBook as PriceBookInput
const clone = (): any => structuredClone(priceBook)
const offeringOf = (book: any, slug: string) => book.offerings.find((offering: any) => offering.slug === slug)
const componentOf = (book: any, code: string) => book.components.find((component: any) => component.code === code)

function quoteWith(catalog: Catalog, input: QuoteRequestInput) {
  const request = quoteRequestSchema.parse(input)
  const result = priceQuote(catalog, catalog.offerings.get(request.offering)!, request)
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.error)}`)
  return result.quote
}

describe('buildCatalog', () => {
  it('accepts the seed price book', () => {
    const catalog = buildCatalog('test', seed)
    expect(catalog.version).toBe('test')
    expect(catalog.components.size).toBe(10)
    expect([...catalog.offerings.keys()]).toEqual([
      'bb-express',
      'fixed-broadband',
      'fixed-mobile',
      'local-ld-gift',
      'business-plus',
      'shangjiale',
      'evergreen',
      'evergreen-winback',
    ])
    expect(catalog.components.get('bb-100')!.termPrices).toEqual([
      { termMonths: 6, monthly: 46500 },
      { termMonths: 12, monthly: 33300 },
    ])
  })

  it('rejects an offering that combines 4 categories', () => {
    const book = clone()
    offeringOf(book, 'business-plus').categories = ['fixed_voice', 'broadband', 'vas', 'mobile']
    expect(() => buildCatalog('bad', book)).toThrow(/at most 3 categories/)
  })

  it('rejects a rule with an unknown kind', () => {
    const book = clone()
    offeringOf(book, 'shangjiale').rule = { kind: 'half_price_forever', entryMonthly: 1 }
    expect(() => buildCatalog('bad', book)).toThrow()
  })

  it('rejects an offering item referencing an unknown component', () => {
    const book = clone()
    offeringOf(book, 'bb-express').items.push({ code: 'bb-10000', min: 0, max: 1 })
    expect(() => buildCatalog('bad', book)).toThrow(/unknown component bb-10000/)
  })

  it('rejects a rule including an unknown component', () => {
    const book = clone()
    offeringOf(book, 'shangjiale').rule.includedItems.push({ code: 'fax-line', count: 1 })
    expect(() => buildCatalog('bad', book)).toThrow(/unknown component fax-line/)
  })

  it('rejects a component in a category the offering does not combine', () => {
    const book = clone()
    offeringOf(book, 'local-ld-gift').items.push({ code: 'mobile-line', min: 0, max: 1 })
    expect(() => buildCatalog('bad', book)).toThrow(/mobile-line is mobile/)
  })

  it('rejects a negative price', () => {
    const book = clone()
    componentOf(book, 'fixed-line').monthly = -2500
    expect(() => buildCatalog('bad', book)).toThrow()
    const install = clone()
    componentOf(install, 'bb-100').install = -1
    expect(() => buildCatalog('bad', install)).toThrow()
  })

  it('rejects a fractional price (prices are integer fen)', () => {
    const book = clone()
    componentOf(book, 'fixed-line').monthly = 2500.5
    expect(() => buildCatalog('bad', book)).toThrow()
    const term = clone()
    componentOf(term, 'bb-100').termPrices[1].monthly = 333.3
    expect(() => buildCatalog('bad', term)).toThrow()
  })

  it('rejects a per-order review limit that is not a positive whole count, or on a component that takes no ports', () => {
    for (const limit of [0, -1, 2.5, '20']) {
      const book = clone()
      componentOf(book, 'fixed-line').needs.maxPerOrderWithoutReview = limit
      expect(() => buildCatalog('bad', book)).toThrow()
    }
    const portless = clone()
    componentOf(portless, 'mobile-line').needs = { maxPerOrderWithoutReview: 10 }
    expect(() => buildCatalog('bad', portless)).toThrow(/takes building ports/)
    expect(buildCatalog('test', seed).components.get('fixed-line')!.needs.maxPerOrderWithoutReview).toBe(20)
  })

  it('rejects duplicate component codes and offering slugs', () => {
    const book = clone()
    book.components.push(structuredClone(componentOf(book, 'ringback')))
    expect(() => buildCatalog('bad', book)).toThrow(/unique/)
    const offerings = clone()
    offerings.offerings.push(structuredClone(offeringOf(offerings, 'shangjiale')))
    expect(() => buildCatalog('bad', offerings)).toThrow(/unique/)
  })

  it('does not mutate the price book it is given', () => {
    const book = clone()
    buildCatalog('test', book)
    expect(book).toEqual(priceBook)
  })
})

describe('fromMonthlyPrice', () => {
  const catalog = buildCatalog('test', seed)
  const fromPrice = (slug: string, c: Catalog = catalog) => fromMonthlyPrice(c, c.offerings.get(slug)!)!
  const from = (slug: string, c: Catalog = catalog) => fromPrice(slug, c).monthly

  it('gives the lowest monthly cost of the smallest configuration for the seed, prepayments spread over their months', () => {
    expect(from('bb-express')).toBe(33300) // prepay-12 of 100M: ¥3,996 / 12
    expect(from('evergreen')).toBe(45000) // plan C at X = 500: 0.9 × 500
    expect(from('shangjiale')).toBe(9900)
    expect(from('fixed-broadband')).toBe(40000) // S = 100 + 300
    expect(from('fixed-mobile')).toBe(8800) // 50 + 38
    expect(from('local-ld-gift')).toBe(2500)
    expect(from('business-plus')).toBe(30000)
    expect(from('evergreen-winback')).toBe(52500) // month 1: 1.05 × 500
  })

  it('says what the price is of: option, prepayment, term and the spend it assumes', () => {
    expect(fromPrice('bb-express')).toEqual({
      monthly: 33300,
      options: { payment: 'prepay-12' },
      termMonths: 0,
      prepaid: { amount: 399600, months: 12 },
      x: null,
      basis: { zh: '预付12个月，一次付 ¥3,996.00，无合约期', en: 'Prepay 12 months, ¥3,996.00 up front, no contract' },
    })
    expect(fromPrice('evergreen')).toMatchObject({
      options: { plan: 'C' },
      termMonths: 6,
      prepaid: null,
      x: 50000,
      basis: { zh: 'C 计划，合约期 6个月，按月均通信费 ¥500.00 计', en: 'Plan C, 6-month contract, for an average spend of ¥500.00 a month' },
    })
    expect(fromPrice('local-ld-gift').basis).toEqual({ zh: '无合约期', en: 'no contract' })
    expect(fromPrice('fixed-broadband')).toMatchObject({ termMonths: 12, basis: { en: '12-month contract' } })
  })

  it('follows a change of the 12-month price of 100M in the price book data', () => {
    const book = clone()
    componentOf(book, 'bb-100').termPrices.find((price: any) => price.termMonths === 12).monthly = 30000
    const cheaper = buildCatalog('cheaper', book)
    expect(fromPrice('bb-express', cheaper)).toMatchObject({ monthly: 30000, prepaid: { amount: 360000, months: 12 } })
    const prepay = quoteWith(cheaper, {
      offering: 'bb-express',
      termMonths: 0,
      options: { payment: 'prepay-12' },
      items: { 'bb-100': 1 },
      customer: { status: 'new' },
    })
    expect(prepay.oneTime.lines.find((line) => line.code === 'prepay')!.amount).toBe(360000)
    expect(prepay.firstYearTotal).toBe(360000)
    const evergreen = quoteWith(cheaper, {
      offering: 'evergreen',
      termMonths: 12,
      options: { plan: 'A' },
      items: { 'bb-100': 1 },
      customer: { status: 'new', priorMonthlySpend: [100000, 100000, 100000] },
    })
    expect(evergreen.monthly.estimatedBill).toBe(110000 + 30000)
    // r × 11000 + r × (63000 − 30000) + round_half_up(30000 × r / 12)
    expect(evergreen.earlyTermination[0]).toEqual({ afterMonths: 1, fee: 11 * 11000 + 11 * 33000 + 27500 })
    // the seed catalog is unaffected
    expect(from('bb-express')).toBe(33300)
  })

  it('picks another payment when prepaying 12 months stops being the cheapest, and says so', () => {
    const book = clone()
    componentOf(book, 'bb-100').termPrices.find((price: any) => price.termMonths === 12).monthly = 60000
    // prepay-6: ¥2,790 / 6 = 46500 a month while prepaid < 60000 < 63000
    expect(fromPrice('bb-express', buildCatalog('dearer', book))).toMatchObject({
      monthly: 46500,
      options: { payment: 'prepay-6' },
      basis: { en: 'Prepay 6 months, ¥2,790.00 up front, no contract' },
    })
  })
})
