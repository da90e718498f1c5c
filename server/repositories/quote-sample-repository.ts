import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { quoteRequestSchema, type QuoteRequest } from '../schemas/quote-request'

/** At most this many stored quotes are priced again for a draft's impact preview (issue 14). */
export const QUOTE_SAMPLE_LIMIT = 10_000

export interface SampledQuote {
  id: string
  createdAt: string
  request: QuoteRequest
  /** The X a member of staff agreed for an assisted quote (fen), else null. */
  negotiatedX: number | null
}

/**
 * The requests of the quotes stored from `since` to `until` (both included), newest first, at
 * most `limit`: only the request, its id and time, and an assisted quote's agreed X, never the priced
 * quote. A stored request that no longer reads as one (an older schema) is counted, not returned.
 */
export async function sampleQuoteRequests(
  db: Kysely<Database>,
  window: { since: Date; until: Date },
  limit: number = QUOTE_SAMPLE_LIMIT,
): Promise<{ quotes: SampledQuote[]; unreadable: number }> {
  const rows = await db
    .selectFrom('quotes')
    .leftJoin('assisted_quotes', 'assisted_quotes.quote_id', 'quotes.id')
    .select(['quotes.id', 'quotes.created_at', 'quotes.request_json', 'assisted_quotes.negotiated_x_fen'])
    .where('quotes.created_at', '>=', window.since.toISOString())
    .where('quotes.created_at', '<=', window.until.toISOString())
    .orderBy('quotes.created_at', 'desc')
    .orderBy('quotes.id', 'desc')
    .limit(limit)
    .execute()
  const quotes: SampledQuote[] = []
  let unreadable = 0
  for (const row of rows) {
    const parsed = quoteRequestSchema.safeParse(safeJson(row.request_json))
    if (!parsed.success) {
      unreadable += 1
      continue
    }
    // PostgreSQL returns bigint columns as strings.
    const negotiatedX = row.negotiated_x_fen === null ? null : Number(row.negotiated_x_fen)
    quotes.push({ id: row.id, createdAt: row.created_at, request: parsed.data, negotiatedX })
  }
  return { quotes, unreadable }
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch {
    return undefined
  }
}
