import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type OfferCode = Selectable<Database['offer_codes']>

export async function findOfferCode(db: Kysely<Database>, code: string): Promise<OfferCode | undefined> {
  return db.selectFrom('offer_codes').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function issueOfferCode(db: Kysely<Database>, offerCode: Insertable<Database['offer_codes']>): Promise<void> {
  await db.insertInto('offer_codes').values(offerCode).onConflict((conflict) => conflict.column('code').doNothing()).execute()
}

/** What a typed code is: one to quote with, or why not (a code of another offering is unknown to it). */
export type OfferCodeState = 'usable' | 'unknown' | 'used' | 'expired' | 'revoked'

export function offerCodeState(offerCode: OfferCode | undefined, offeringSlug: string | undefined, now: Date): OfferCodeState {
  if (offerCode === undefined || (offeringSlug !== undefined && offerCode.offering_slug !== offeringSlug)) return 'unknown'
  if (offerCode.revoked_at !== null) return 'revoked'
  if (offerCode.used_at !== null) return 'used'
  return offerCode.expires_at > now.toISOString() ? 'usable' : 'expired'
}

/** Valid for a quote: issued for this offering, unused and not yet expired. */
export function isOfferCodeUsable(offerCode: OfferCode | undefined, offeringSlug: string, now: Date): offerCode is OfferCode {
  return offerCodeState(offerCode, offeringSlug, now) === 'usable'
}

/**
 * Orderable only by the company and at the building the code was issued to. A code issued before
 * codes carried the company (no credit code) is ordered by nobody: staff reissue it.
 */
export function isOfferCodeHolder(offerCode: OfferCode | undefined, creditCode: string, buildingId: string): boolean {
  return offerCode !== undefined && offerCode.credit_code !== null && offerCode.credit_code === creditCode && offerCode.building_id === buildingId
}

/** Inserts a freshly drawn code; false when the code exists already (draw another). */
export async function insertOfferCode(db: Kysely<Database>, offerCode: Insertable<Database['offer_codes']>): Promise<boolean> {
  const result = await db.insertInto('offer_codes').values(offerCode).onConflict((conflict) => conflict.column('code').doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Revokes a code nobody has ordered with yet; false when it was used or revoked meanwhile (an order may race it). */
export async function revokeOfferCode(db: Kysely<Database>, code: string, by: string, reason: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('offer_codes')
    .set({ revoked_at: at, revoked_by: by, revoke_reason: reason })
    .where('code', '=', code)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** A code as the console lists it: sent (usable), used, expired or revoked, in that order of precedence after revoked. */
export const offerCodeListStates = ['sent', 'used', 'expired', 'revoked'] as const
export type OfferCodeListState = (typeof offerCodeListStates)[number]

export interface OfferCodeListQuery {
  state?: OfferCodeListState
  buildingId?: string
  /** Part of the code, the company's name or its credit code. */
  q?: string
  /** Keyset: codes issued before this position (newest first). */
  after?: { issuedAt: string; code: string }
  limit: number
}

export type OfferCodeListRow = OfferCode & { building_name_zh: string | null; building_name_en: string | null; order_number: string | null }

/** `column` contains `text` as typed: `%`, `_` and the escape itself mean themselves (ESCAPE is the same SQL on both databases). */
const contains = (column: string, text: string) => sql<boolean>`${sql.ref(column)} like ${`%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`} escape '\\'`

/** When a code was issued, as it sorts: codes from before the console (no time) last. */
const issuedKey = sql<string>`coalesce(offer_codes.issued_at, '')`

/** Codes with their building's names and the order each used one went into (the one whose quote carried it). */
const offerCodeRows = (db: Kysely<Database>) =>
  db
    .selectFrom('offer_codes')
    .leftJoin('buildings', 'buildings.id', 'offer_codes.building_id')
    .selectAll('offer_codes')
    .select(['buildings.name_zh as building_name_zh', 'buildings.name_en as building_name_en'])
    .select((eb) =>
      eb
        .selectFrom('orders')
        .innerJoin('quotes', 'quotes.id', 'orders.quote_id')
        .select('orders.number')
        .whereRef('quotes.offer_code', '=', 'offer_codes.code')
        .orderBy('orders.created_at')
        .limit(1)
        .as('order_number'),
    )

export async function findOfferCodeRow(db: Kysely<Database>, code: string): Promise<OfferCodeListRow | undefined> {
  return offerCodeRows(db).where('offer_codes.code', '=', code).executeTakeFirst()
}

/** Codes of `buildingIds` (or all), newest first, filtered. */
export async function listOfferCodes(db: Kysely<Database>, buildingIds: 'all' | string[], query: OfferCodeListQuery, now: Date): Promise<OfferCodeListRow[]> {
  if (buildingIds !== 'all' && buildingIds.length === 0) return []
  const at = now.toISOString()
  let select = offerCodeRows(db)
  if (buildingIds !== 'all') select = select.where('offer_codes.building_id', 'in', buildingIds)
  if (query.buildingId) select = select.where('offer_codes.building_id', '=', query.buildingId)
  if (query.state === 'revoked') select = select.where('offer_codes.revoked_at', 'is not', null)
  if (query.state === 'used') select = select.where('offer_codes.revoked_at', 'is', null).where('offer_codes.used_at', 'is not', null)
  if (query.state === 'expired') select = select.where('offer_codes.revoked_at', 'is', null).where('offer_codes.used_at', 'is', null).where('offer_codes.expires_at', '<=', at)
  if (query.state === 'sent') select = select.where('offer_codes.revoked_at', 'is', null).where('offer_codes.used_at', 'is', null).where('offer_codes.expires_at', '>', at)
  if (query.q) {
    const text = query.q
    select = select.where((eb) =>
      eb.or([contains('offer_codes.code', text.toUpperCase()), contains('offer_codes.company_name', text), contains('offer_codes.credit_code', text.toUpperCase())]),
    )
  }
  if (query.after) select = select.where(sql<boolean>`(${issuedKey}, offer_codes.code) < (${query.after.issuedAt}, ${query.after.code})`)
  return select.orderBy(issuedKey, 'desc').orderBy('offer_codes.code', 'desc').limit(query.limit).execute()
}
