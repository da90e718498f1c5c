import type { Kysely } from 'kysely'

/**
 * Scarce resources: an unpaid order holds ports only until its payment deadline (and is reminded
 * once before it), and a win-back offer code is bound to the company it was issued to (by its
 * unified social credit code; the building is already on the row). Codes issued before this have
 * no credit code and cannot be ordered with: the seed binds its own test code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('payment_due_at', 'text').execute()
  await db.schema.alterTable('orders').addColumn('payment_reminder_at', 'text').execute()
  await db.schema.createIndex('orders_payment_due_idx').on('orders').columns(['status', 'payment_due_at']).execute()
  await db.schema.alterTable('offer_codes').addColumn('credit_code', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('offer_codes').dropColumn('credit_code').execute()
  await db.schema.dropIndex('orders_payment_due_idx').execute()
  await db.schema.alterTable('orders').dropColumn('payment_reminder_at').execute()
  await db.schema.alterTable('orders').dropColumn('payment_due_at').execute()
}
