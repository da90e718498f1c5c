import { AppError } from '../errors'
import { enqueue } from '../notifications/messages'
import type { Catalog } from '../pricing/catalog'
import type { Offering } from '../pricing/catalog-schema'
import { declaredAverage, negotiationLimits } from '../pricing/negotiation'
import { negotiationBandOf } from '../pricing/rules/registry'
import { recordAudit } from '../repositories/audit-repository'
import { findAssistedQuote, insertAssistedQuote, listAssistedQuotes, type AssistedQuoteRow } from '../repositories/assisted-quotes-repository'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import { insertQuote } from '../repositories/quotes-repository'
import type { AssistedQuoteInput } from '../schemas/console-assisted-quotes'
import type { Quote } from '../schemas/quote'
import type { QuoteRequest } from '../schemas/quote-request'
import { previewQuote, storedQuote } from '../services/quote-service'
import type { Services } from '../services/services'
import type { StaffIdentity } from './sessions'

/*
 * Assisted quotes (issue 12): a building manager (their own buildings) or operations make a quote for
 * a tenant with X set by hand within the offering's negotiation band (price-book data), with a reason.
 * The quote is stored as any other; beside it, who set X, why and from what declared average; the
 * proposal link goes to the customer by e-mail.
 */

/** The offerings whose X staff may set by hand: listed ones whose rule carries a negotiation band. */
export const negotiableOfferings = (catalog: Catalog): Offering[] =>
  [...catalog.offerings.values()].filter((offering) => offering.listed && negotiationBandOf(offering.rule) !== null)

/** The X staff may agree for a declared average on this offering, or null where X is not negotiable. */
export function agreedXLimits(offering: Offering, declaredX: number): { min: number; max: number } | null {
  const band = negotiationBandOf(offering.rule)
  return band ? negotiationLimits(band, declaredX) : null
}

const inScope = (staff: StaffIdentity, buildingId: string) => staff.buildingIds === 'all' || staff.buildingIds.includes(buildingId)

/** The customer's link to the proposal, in their language. */
export const proposalUrl = (siteUrl: string, lang: 'zh' | 'en', quoteId: string) => `${siteUrl}${lang === 'en' ? '/en' : ''}/quotes/${quoteId}`

export interface AssistedQuoteMade {
  quote: Quote
  proposalUrl: string
  assisted: AssistedQuoteRow
}

export async function createAssistedQuote(services: Services, staff: StaffIdentity, input: AssistedQuoteInput): Promise<AssistedQuoteMade> {
  const found = await findBuildingWithManager(services.db, input.buildingId)
  if (!found || !inScope(staff, found.building.id)) {
    throw new AppError('building_not_found', `There is no building ${input.buildingId} of yours.`, [{ path: 'buildingId', message: 'unknown building' }])
  }
  const catalog = await services.catalogs.current()
  const offering = catalog.offerings.get(input.quote.offering)
  if (!offering || !negotiableOfferings(catalog).includes(offering)) {
    throw new AppError('invalid_request', 'X is set by hand only on an offering whose price book allows it.', [{ path: 'quote.offering', message: 'not negotiable' }])
  }
  const request: QuoteRequest = { ...input.quote, buildingId: found.building.id }
  // Prices with the agreed X: outside the band 422 negotiated_x_out_of_band, naming the bounds.
  const { catalogVersion, quote: priced } = await previewQuote(services, request, { x: input.negotiatedX })
  const now = services.now()
  const quote = storedQuote(now, catalogVersion, request, priced)
  const link = proposalUrl(services.siteUrl, input.lang, quote.id)
  const declaredX = declaredAverage(input.quote.customer.priorMonthlySpend!)
  const assisted: AssistedQuoteRow = {
    quote_id: quote.id,
    building_id: found.building.id,
    staff_user_id: staff.user.id,
    company_name: input.company.name,
    credit_code: input.company.creditCode,
    contact_name: input.contact.name,
    contact_email: input.contact.email,
    lang: input.lang,
    declared_x_fen: declaredX,
    negotiated_x_fen: input.negotiatedX,
    reason: input.reason,
    created_at: now.toISOString(),
  }
  const { building, manager } = found
  const lang = input.lang
  await services.db.transaction().execute(async (trx) => {
    await insertQuote(trx, quote, request, null)
    await insertAssistedQuote(trx, assisted)
    await recordAudit(
      trx,
      { actor: { kind: 'staff', id: staff.user.id }, action: 'quote.assisted', subject: { kind: 'quote', id: quote.id }, after: { declaredX, negotiatedX: input.negotiatedX }, reason: input.reason },
      now,
    )
    await enqueue(
      trx,
      {
        kind: 'assisted_quote_proposal',
        recipient: input.contact.email,
        lang,
        payload: {
          proposalUrl: link,
          offeringName: offering.name[lang],
          companyName: input.company.name,
          buildingName: lang === 'zh' ? building.name_zh : building.name_en,
          x: input.negotiatedX,
          monthly: quote.monthly.estimatedBill,
          termMonths: quote.termMonths,
          expiresAt: quote.expiresAt,
          preparedBy: staff.user.displayName,
          ...(manager ? { managerName: lang === 'zh' ? manager.name : manager.name_en, managerPhone: manager.phone } : {}),
        },
      },
      now,
    )
  })
  return { quote, proposalUrl: link, assisted }
}

/** The assisted quotes `staff` may see, newest first (a manager: their own buildings'). */
export function assistedQuotes(services: Pick<Services, 'db'>, staff: StaffIdentity, limit = 50) {
  return listAssistedQuotes(services.db, staff.buildingIds, limit)
}

/** Who set a quote's X and why; not found when the quote is no assisted one or outside `staff`'s buildings. */
export async function assistedQuoteOf(services: Pick<Services, 'db'>, staff: StaffIdentity, quoteId: string) {
  const found = await findAssistedQuote(services.db, quoteId)
  if (!found || !inScope(staff, found.building_id)) throw new AppError('quote_not_found', `There is no assisted quote ${quoteId} of yours.`)
  return found
}
