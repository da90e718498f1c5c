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
 *
 * A quote is kept from the second time it is asked; the first time only its key is noted. Most
 * configurations are asked once: kept, each would outlive the young generation of the heap and then
 * die in the old one, whose collections took a sixth of the time of previews that were all new
 * (measured); a noted key is one flat string.
 */
export function rememberingPrices(kept: number): PriceQuote {
  const byCatalog = new WeakMap<Catalog, { priced: Map<string, PricingResult>; askedOnce: Set<string> }>()
  return (catalog, offering, request) => {
    let memo = byCatalog.get(catalog)
    if (!memo) byCatalog.set(catalog, (memo = { priced: new Map(), askedOnce: new Set() }))
    const { priced, askedOnce } = memo
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
    if (askedOnce.delete(key)) priced.set(key, result)
    else askedOnce.add(key)
    dropLeastRecent(priced, kept)
    dropLeastRecent(askedOnce, kept)
    return result
  }
}

/** Drops the least recently added keys of a Map or Set over `kept` (both iterate in insertion order). */
function dropLeastRecent(recent: Map<string, unknown> | Set<string>, kept: number): void {
  while (recent.size > kept) recent.delete(recent.keys().next().value!)
}

/** The storefront's: quote previews and stored quotes price through it. */
export const priceQuoteRemembered = rememberingPrices(PRICED_QUOTES_KEPT)
