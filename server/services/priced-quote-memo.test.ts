import { describe, expect, it } from 'vitest'
import priceBook from '../../db/seed/price-book.json'
import { buildCatalog } from '../pricing/catalog'
import type { PriceBookInput } from '../pricing/catalog-schema'
import { priceQuote } from '../pricing/engine'
import { quoteRequestSchema, type QuoteRequest } from '../schemas/quote-request'
import { rememberingPrices } from './priced-quote-memo'

const catalog = buildCatalog('memo-test', priceBook as PriceBookInput)
const evergreen = catalog.offerings.get('evergreen')!
const requestAt = (average: number): QuoteRequest =>
  quoteRequestSchema.parse({
    offering: 'evergreen',
    options: { plan: 'A' },
    termMonths: 12,
    items: {},
    customer: { status: 'new', priorMonthlySpend: [average, average, average], currentMonthlySpend: average + 100_000 },
    usage: { local_voice: 100_000, long_distance: 100_000, mobile: 100_000 },
  })

describe('rememberingPrices', () => {
  it('answers a request asked again with the quote it priced, equal to the engine’s', () => {
    const price = rememberingPrices(10)
    const first = price(catalog, evergreen, requestAt(800_000))
    expect(first).toEqual(priceQuote(catalog, evergreen, requestAt(800_000)))
    expect(price(catalog, evergreen, requestAt(800_000))).toBe(first)
    const other = price(catalog, evergreen, requestAt(900_000))
    expect(other).not.toBe(first)
    expect(other.ok && other.quote.x).toBe(900_000)
  })

  it('keeps one set per catalog object: another version (or a rebuilt one) prices afresh', () => {
    const price = rememberingPrices(10)
    const first = price(catalog, evergreen, requestAt(800_000))
    const rebuilt = buildCatalog('memo-test', priceBook as PriceBookInput)
    expect(price(rebuilt, rebuilt.offerings.get('evergreen')!, requestAt(800_000))).not.toBe(first)
  })

  it('forgets the least recently asked request once it keeps its limit', () => {
    const price = rememberingPrices(2)
    const a = price(catalog, evergreen, requestAt(700_000))
    const b = price(catalog, evergreen, requestAt(800_000))
    expect(price(catalog, evergreen, requestAt(700_000))).toBe(a) // a is now the most recent
    price(catalog, evergreen, requestAt(900_000)) // the third: b, the least recent, goes
    expect(price(catalog, evergreen, requestAt(700_000))).toBe(a)
    expect(price(catalog, evergreen, requestAt(800_000))).not.toBe(b)
  })

  it('remembers refusals too, with their rule code', () => {
    const price = rememberingPrices(10)
    const tooLow = requestAt(1_000)
    const refused = price(catalog, evergreen, tooLow)
    expect(!refused.ok && refused.error.code).toBe('below_minimum')
    expect(price(catalog, evergreen, tooLow)).toBe(refused)
  })
})
