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
  /** Asks twice, so that the quote is kept, and answers the second (kept) result. */
  const askedTwice = (price: ReturnType<typeof rememberingPrices>, request: QuoteRequest, from = catalog) => {
    price(from, from.offerings.get(request.offering)!, request)
    return price(from, from.offerings.get(request.offering)!, request)
  }

  it('answers a request asked again with the quote it priced, equal to the engine’s', () => {
    const price = rememberingPrices(10)
    const kept = askedTwice(price, requestAt(800_000))
    expect(kept).toEqual(priceQuote(catalog, evergreen, requestAt(800_000)))
    expect(price(catalog, evergreen, requestAt(800_000))).toBe(kept)
    const other = askedTwice(price, requestAt(900_000))
    expect(other).not.toBe(kept)
    expect(other.ok && other.quote.x).toBe(900_000)
  })

  it('keeps a quote from the second time it is asked, not the first', () => {
    const price = rememberingPrices(10)
    const first = price(catalog, evergreen, requestAt(800_000))
    const second = price(catalog, evergreen, requestAt(800_000))
    expect(second).toEqual(first)
    expect(second).not.toBe(first)
    expect(price(catalog, evergreen, requestAt(800_000))).toBe(second)
  })

  it('notes at most `kept` requests asked once: the oldest note goes first', () => {
    const price = rememberingPrices(2)
    price(catalog, evergreen, requestAt(700_000))
    price(catalog, evergreen, requestAt(800_000))
    price(catalog, evergreen, requestAt(900_000)) // 700,000's note goes
    const again = price(catalog, evergreen, requestAt(700_000)) // noted anew, not kept
    expect(price(catalog, evergreen, requestAt(700_000))).not.toBe(again)
    const kept = price(catalog, evergreen, requestAt(900_000)) // its note was there: kept now
    expect(price(catalog, evergreen, requestAt(900_000))).toBe(kept)
  })

  it('keeps one set per catalog object: another version (or a rebuilt one) prices afresh', () => {
    const price = rememberingPrices(10)
    const kept = askedTwice(price, requestAt(800_000))
    const rebuilt = buildCatalog('memo-test', priceBook as PriceBookInput)
    expect(askedTwice(price, requestAt(800_000), rebuilt)).not.toBe(kept)
  })

  it('forgets the least recently asked request once it keeps its limit', () => {
    const price = rememberingPrices(2)
    const a = askedTwice(price, requestAt(700_000))
    const b = askedTwice(price, requestAt(800_000))
    expect(price(catalog, evergreen, requestAt(700_000))).toBe(a) // a is now the most recent
    askedTwice(price, requestAt(900_000)) // the third kept: b, the least recent, goes
    expect(price(catalog, evergreen, requestAt(700_000))).toBe(a)
    expect(price(catalog, evergreen, requestAt(800_000))).not.toBe(b)
  })

  it('remembers refusals too, with their rule code', () => {
    const price = rememberingPrices(10)
    const tooLow = requestAt(1_000)
    const refused = askedTwice(price, tooLow)
    expect(!refused.ok && refused.error.code).toBe('below_minimum')
    expect(price(catalog, evergreen, tooLow)).toBe(refused)
  })
})
