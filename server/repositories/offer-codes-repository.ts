import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type OfferCode = Selectable<Database['offer_codes']>

export async function findOfferCode(db: Kysely<Database>, code: string): Promise<OfferCode | undefined> {
  return db.selectFrom('offer_codes').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function issueOfferCode(db: Kysely<Database>, offerCode: Insertable<Database['offer_codes']>): Promise<void> {
  await db.insertInto('offer_codes').values(offerCode).onConflict((conflict) => conflict.column('code').doNothing()).execute()
}

/** Valid for a quote: issued for this offering, unused and not yet expired. */
export function isOfferCodeUsable(offerCode: OfferCode | undefined, offeringSlug: string, now: Date): offerCode is OfferCode {
  return (
    offerCode !== undefined &&
    offerCode.offering_slug === offeringSlug &&
    offerCode.used_at === null &&
    offerCode.expires_at > now.toISOString()
  )
}

/**
 * Orderable only by the company and at the building the code was issued to. A code issued before
 * codes carried the company (no credit code) is ordered by nobody: staff reissue it.
 */
export function isOfferCodeHolder(offerCode: OfferCode | undefined, creditCode: string, buildingId: string): boolean {
  return offerCode !== undefined && offerCode.credit_code !== null && offerCode.credit_code === creditCode && offerCode.building_id === buildingId
}
