import { performance } from 'node:perf_hooks'
import priceBook from '../../db/seed/price-book.json'
import { buildCatalog } from '../../server/pricing/catalog'
import type { Offering, PriceBookInput } from '../../server/pricing/catalog-schema'
import { priceQuote } from '../../server/pricing/engine'
import type { QuoteRequest } from '../../server/schemas/quote-request'
import { listedOfferingRequests } from './bench-requests'

export interface EngineThroughput {
  offerings: number
  quotes: number
  quotesPerSecond: number
  microsPerQuote: number
}

interface PricingCase {
  offering: Offering
  request: QuoteRequest
}

const WARM_UP_MS = 500
const MEASURE_MS = 2000
/** Quotes priced between two clock reads, so reading the clock costs next to nothing. */
const BATCH = 1000

/** Quotes per second of the pure engine over one request per listed offering, round robin. */
export function measureEngineThroughput(): EngineThroughput {
  const catalog = buildCatalog('bench', priceBook as PriceBookInput)
  const cases: PricingCase[] = listedOfferingRequests(catalog).map((request) => ({
    offering: catalog.offerings.get(request.offering)!,
    request,
  }))
  // Every case must price: a benchmark of error paths would measure the wrong thing.
  for (const { offering, request } of cases) {
    const result = priceQuote(catalog, offering, request)
    if (!result.ok) throw new Error(`bench request for ${offering.slug} does not price: ${result.error.code} ${result.error.message}`)
  }

  const priceFor = (durationMs: number) => {
    let quotes = 0
    let checksum = 0
    const start = performance.now()
    let elapsed = 0
    while (elapsed < durationMs) {
      for (let i = 0; i < BATCH; i++) {
        const { offering, request } = cases[(quotes + i) % cases.length]
        const result = priceQuote(catalog, offering, request)
        // Using the result keeps the call from being optimised away.
        if (result.ok) checksum += result.quote.firstYearTotal
      }
      quotes += BATCH
      elapsed = performance.now() - start
    }
    return { quotes, elapsed, checksum }
  }

  priceFor(WARM_UP_MS)
  const { quotes, elapsed, checksum } = priceFor(MEASURE_MS)
  if (checksum <= 0) throw new Error('the engine priced nothing')
  return {
    offerings: cases.length,
    quotes,
    quotesPerSecond: (quotes / elapsed) * 1000,
    microsPerQuote: (elapsed * 1000) / quotes,
  }
}
