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
