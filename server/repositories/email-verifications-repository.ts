import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type EmailVerification = Selectable<Database['email_verifications']>

export async function insertEmailVerification(db: Kysely<Database>, row: Insertable<Database['email_verifications']>): Promise<void> {
  await db.insertInto('email_verifications').values(row).execute()
}

export function emailVerificationQuery(db: Kysely<Database>, id: string) {
  return db.selectFrom('email_verifications').selectAll().where('id', '=', id)
}

export function findEmailVerification(db: Kysely<Database>, id: string): Promise<EmailVerification | undefined> {
  return emailVerificationQuery(db, id).executeTakeFirst()
}

/**
 * Uses up one attempt before the code is compared, in one guarded UPDATE: parallel guesses cannot
 * get past the limit. Returns the attempts used including this one, or undefined when none was left.
 */
export async function takeVerificationAttempt(db: Kysely<Database>, id: string, maxAttempts: number): Promise<number | undefined> {
  const row = await db
    .updateTable('email_verifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxAttempts)
    .where('used_at', 'is', null)
    .returning('attempts')
    .executeTakeFirst()
  return row?.attempts
}

/** The code was right: the address is proven until `validUntil`. */
export async function confirmEmailVerification(db: Kysely<Database>, id: string, at: string, validUntil: string): Promise<void> {
  await db.updateTable('email_verifications').set({ confirmed_at: at, expires_at: validUntil }).where('id', '=', id).where('confirmed_at', 'is', null).execute()
}

/** The update that binds the verification to the order placed with it: it changes no row when another order took it first. */
export function emailVerificationClaim(db: Kysely<Database>, id: string, orderId: string, at: string) {
  return db.updateTable('email_verifications').set({ used_at: at, order_id: orderId }).where('id', '=', id).where('used_at', 'is', null).returning('id')
}

/**
 * Verified addresses whose customer agreed to be called about a quote they have not ordered: proven
 * between `confirmedFrom` and `confirmedBy`, never used for an order, their quote neither ordered nor
 * made a lead yet, and no order from the address since. Oldest first.
 */
export function abandonedQuoteCandidates(db: Kysely<Database>, confirmedFrom: string, confirmedBy: string, limit: number): Promise<EmailVerification[]> {
  return db
    .selectFrom('email_verifications as v')
    .selectAll('v')
    .where('v.follow_up_consent', '=', 1)
    .where('v.confirmed_at', '>=', confirmedFrom)
    .where('v.confirmed_at', '<=', confirmedBy)
    .where('v.used_at', 'is', null)
    .where('v.quote_id', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('orders').select('orders.id').whereRef('orders.quote_id', '=', 'v.quote_id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('orders').select('orders.id').whereRef('orders.contact_email', '=', 'v.email').whereRef('orders.created_at', '>=', 'v.created_at'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('leads').select('leads.id').whereRef('leads.quote_id', '=', 'v.quote_id').where('leads.source', '=', 'abandoned_quote'))))
    .orderBy('v.confirmed_at')
    .orderBy('v.id')
    .limit(limit)
    .execute()
}
