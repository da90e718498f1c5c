import type { InferResult, Insertable, Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { quoteSchema, type Quote } from '../schemas/quote'
import type { QuoteRequest } from '../schemas/quote-request'
import { utmColumns } from './utm-columns'

/** A quote as its row of the quotes table. */
export function quoteRow(quote: Quote, request: QuoteRequest, offerCode: string | null): Insertable<Database['quotes']> {
  return {
    id: quote.id,
    catalog_version: quote.catalogVersion,
    offering_slug: quote.offering,
    building_id: quote.buildingId,
    offer_code: offerCode,
    term_months: quote.termMonths,
    estimated_monthly_fen: quote.monthly.estimatedBill,
    one_time_total_fen: quote.oneTime.total,
    first_year_total_fen: quote.firstYearTotal,
    request_json: JSON.stringify(request),
    quote_json: JSON.stringify(quote),
    attribution_json: request.attribution ? JSON.stringify(request.attribution) : null,
    ...utmColumns(request.attribution),
    created_at: quote.createdAt,
    expires_at: quote.expiresAt,
  }
}

export async function insertQuote(db: Kysely<Database>, quote: Quote, request: QuoteRequest, offerCode: string | null): Promise<void> {
  await db.insertInto('quotes').values(quoteRow(quote, request, offerCode)).execute()
}

const storedQuoteOf = (quoteJson: string): Quote => quoteSchema.parse(JSON.parse(quoteJson))

export async function findQuote(db: Kysely<Database>, id: string): Promise<Quote | undefined> {
  const row = await db.selectFrom('quotes').select('quote_json').where('id', '=', id).executeTakeFirst()
  return row ? storedQuoteOf(row.quote_json) : undefined
}

/**
 * A quote with what an order takes from its row besides: the visit's attribution, the offer code it
 * was priced with, and whether it has been ordered already (read with it: no trip of its own).
 */
export function quoteToOrderQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('quotes')
    .leftJoin('orders', 'orders.quote_id', 'quotes.id')
    .select(['quotes.quote_json', 'quotes.attribution_json', 'quotes.offer_code', 'orders.id as order_id'])
    .where('quotes.id', '=', id)
}

export interface QuoteToOrder {
  quote: Quote
  attribution: Record<string, string> | null
  offerCode: string | null
  ordered: boolean
}

export function quoteToOrderOf(row: InferResult<ReturnType<typeof quoteToOrderQuery>>[number]): QuoteToOrder {
  return { quote: storedQuoteOf(row.quote_json), attribution: row.attribution_json ? JSON.parse(row.attribution_json) : null, offerCode: row.offer_code, ordered: row.order_id !== null }
}

export async function findQuoteAttribution(db: Kysely<Database>, id: string): Promise<Record<string, string> | null | undefined> {
  const row = await db.selectFrom('quotes').select('attribution_json').where('id', '=', id).executeTakeFirst()
  return row ? (row.attribution_json ? JSON.parse(row.attribution_json) : null) : undefined
}
