import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type OfferCode = Selectable<Database['offer_codes']>

export async function findOfferCode(db: Kysely<Database>, code: string): Promise<OfferCode | undefined> {
  return db.selectFrom('offer_codes').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function issueOfferCode(db: Kysely<Database>, offerCode: Insertable<Database['offer_codes']>): Promise<void> {
  await db.insertInto('offer_codes').values(offerCode).onConflict((conflict) => conflict.column('code').doNothing()).execute()
}

/** What a typed code is: one to quote with, or why not (a code of another offering is unknown to it). */
export type OfferCodeState = 'usable' | 'unknown' | 'used' | 'expired'

export function offerCodeState(offerCode: OfferCode | undefined, offeringSlug: string | undefined, now: Date): OfferCodeState {
  if (offerCode === undefined || (offeringSlug !== undefined && offerCode.offering_slug !== offeringSlug)) return 'unknown'
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
