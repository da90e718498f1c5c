import type { Catalog } from '../pricing/catalog'
import type { Offering } from '../pricing/catalog-schema'
import { priceQuote, type PricingResult } from '../pricing/engine'
import type { QuoteRequest } from '../schemas/quote-request'

/** Requests remembered per catalog: more than the configurations a busy hour's visitors try. */
export const PRICED_QUOTES_KEPT = 1_000

export type PriceQuote = (catalog: Catalog, offering: Offering, request: QuoteRequest) => PricingResult

/**
 * priceQuote, remembered. A catalog version never changes and the engine is pure, so a request
 * priced once with a catalog is priced the same every time: the configurator's opening quote of an
 * offering (its default configuration) is the same for every visitor who opens it, and a visitor
 * who steps back through choices asks again for quotes already priced. Each catalog object (one per
 * version in the catalog store) keeps its own `kept` most recently asked requests; a catalog no
 * longer in use takes its quotes with it. The answers are shared: callers copy, never change them.
 */
export function rememberingPrices(kept: number): PriceQuote {
  const byCatalog = new WeakMap<Catalog, Map<string, PricingResult>>()
  return (catalog, offering, request) => {
    let priced = byCatalog.get(catalog)
    if (!priced) byCatalog.set(catalog, (priced = new Map()))
    // The parsed request names its offering: with the catalog it determines the whole quote.
    const key = JSON.stringify(request)
    const known = priced.get(key)
    if (known) {
      // Asked again: it becomes the most recent (a Map iterates in insertion order).
      priced.delete(key)
      priced.set(key, known)
      return known
    }
    const result = priceQuote(catalog, offering, request)
    if (priced.size >= kept) priced.delete(priced.keys().next().value!)
    priced.set(key, result)
    return result
  }
}

/** The storefront's: quote previews and stored quotes price through it. */
export const priceQuoteRemembered = rememberingPrices(PRICED_QUOTES_KEPT)
