import { timeOrderedId } from '../domain/time-ordered-id'
import { AppError } from '../errors'
import type { Catalog } from '../pricing/catalog'
import type { Offering } from '../pricing/catalog-schema'
import { priceQuote } from '../pricing/engine'
import type { NegotiatedX } from '../pricing/negotiation'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import { findOfferCode, isOfferCodeUsable } from '../repositories/offer-codes-repository'
import { quoteRow } from '../repositories/quotes-repository'
import type { PricedQuote, Quote } from '../schemas/quote'
import type { QuoteRequest } from '../schemas/quote-request'
import { insertTogether } from './group-commit'
import { priceQuoteRemembered } from './priced-quote-memo'
import { assertServiceable, deliveredComponents } from './serviceability-service'
import type { Services } from './services'

export const QUOTE_VALIDITY_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Prices a request with the current catalog, without storing it (for side-by-side comparisons).
 * `negotiated`: an X a member of staff agreed (console assisted quotes only).
 */
export async function previewQuote(services: Services, request: QuoteRequest, negotiated?: NegotiatedX) {
  const building = request.buildingId ? await quotedBuilding(services, request.buildingId) : undefined
  // A building's quote is priced with the catalog in force there: a pilot's offerings exist only in its area.
  const catalog = await services.catalogs.current(building && { buildingId: building.id, district: building.district })
  const offering = await resolveOffering(services, catalog, request)
  // A negotiated X is a console quote's own: only the public requests' prices are remembered.
  const result = negotiated ? priceQuote(catalog, offering, request, negotiated) : priceQuoteRemembered(catalog, offering, request)
  if (!result.ok) {
    const { code, message, field } = result.error
    throw new AppError(code, message, field ? [{ path: field, message }] : undefined)
  }
  if (building) assertServiceable(building, catalog, offering, deliveredComponents(catalog, offering, request.items, result.quote.options))
  return { catalogVersion: catalog.version, offering, quote: result.quote }
}

async function quotedBuilding(services: Services, buildingId: string) {
  const found = await findBuildingWithManager(services.db, buildingId)
  if (!found) throw new AppError('building_not_found', `No building with id ${buildingId}.`, [{ path: 'buildingId', message: 'unknown building' }])
  return found.building
}

/**
 * Prices a request with the current catalog and stores the quote, immutable, for 7 days. Answers it
 * with the JSON text it was stored as, which is the API's answer too (serialized once, not twice).
 */
export async function createQuote(services: Services, request: QuoteRequest): Promise<{ quoteJson: string }> {
  const { catalogVersion, offering, quote: priced } = await previewQuote(services, request)
  const quote = storedQuote(services.now(), catalogVersion, request, priced)
  const row = quoteRow(quote, request, offering.listed ? null : (request.offerCode ?? null))
  // Quotes arriving together share one commit (and one fsync on SQLite, one INSERT on PostgreSQL); each is durable when answered.
  await insertTogether(services.db, 'quotes', row)
  return { quoteJson: row.quote_json }
}

/** A priced request as the quote it is stored as: identity, catalog version, validity and what was asked. */
export function storedQuote(now: Date, catalogVersion: string, request: QuoteRequest, priced: PricedQuote): Quote {
  return {
    // Time-ordered: each new quote goes at the end of the id index, not at a random page of it.
    id: timeOrderedId(now.getTime()),
    catalogVersion,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + QUOTE_VALIDITY_DAYS * DAY_MS).toISOString(),
    buildingId: request.buildingId ?? null,
    customer: {
      status: request.customer.status,
      ...(request.customer.employees === undefined ? {} : { employees: request.customer.employees }),
    },
    items: Object.fromEntries(Object.entries(request.items).filter(([, count]) => count > 0)),
    usage: request.usage as Record<string, number>,
    ...priced,
  }
}

/** Unlisted offerings (win-back) exist only for the holder of a usable offer code. */
async function resolveOffering(services: Services, catalog: Catalog, request: QuoteRequest): Promise<Offering> {
  const offering = catalog.offerings.get(request.offering)
  if (!offering || (!offering.listed && request.offerCode === undefined)) {
    throw new AppError('offering_not_found', `There is no offering called ${request.offering}.`)
  }
  if (!offering.listed) {
    const offerCode = await findOfferCode(services.db, request.offerCode!)
    if (!isOfferCodeUsable(offerCode, offering.slug, services.now())) {
      throw new AppError('offer_code_invalid', 'This offer code is not valid: it may be wrong, already used, revoked or expired.', [
        { path: 'offerCode', message: 'not valid' },
      ])
    }
  }
  return offering
}
