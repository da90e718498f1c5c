import priceBook from '../../db/seed/price-book.json'
import type { PricedQuote } from '../schemas/quote'
import { quoteRequestSchema, type QuoteRequestInput } from '../schemas/quote-request'
import { buildCatalog, type Catalog } from './catalog'
import type { PriceBookInput } from './catalog-schema'
import { priceQuote, type PricingResult } from './engine'
import type { PricingError } from './pricing-error'

/** Test helpers for the pricing core: the seed catalog and requests priced through the schema. */

export const catalog = buildCatalog('test', priceBook as PriceBookInput)

export function price(input: QuoteRequestInput, within: Catalog = catalog): PricingResult {
  const request = quoteRequestSchema.parse(input)
  return priceQuote(within, within.offerings.get(request.offering)!, request)
}

export function quote(input: QuoteRequestInput, within: Catalog = catalog): PricedQuote {
  const result = price(input, within)
  if (!result.ok) throw new Error(`expected a quote for ${JSON.stringify(input)}, got ${JSON.stringify(result.error)}`)
  return result.quote
}

export function refusal(input: QuoteRequestInput, within: Catalog = catalog): PricingError {
  const result = price(input, within)
  if (result.ok) throw new Error('expected a pricing error, got a quote')
  return result.error
}
