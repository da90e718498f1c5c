import type { Kysely } from 'kysely'

/**
 * Win-back codes issued from the console and assisted quotes (issue 12).
 *
 * offer_codes gains who issued the code (a staff user; `issued_by` stays the building manager), when,
 * the address it was mailed to, and its revocation (when, by whom, why). A code is revoked at most
 * once and never un-revoked; codes from before this migration have none of these.
 *
 * assisted_quotes records, beside a stored quote, the staff user who set its X by hand, why, the
 * customer's declared average it was agreed from, and whom the proposal was sent to.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Staff user ids without a foreign key: SQLite cannot drop a referencing column (down).
  await db.schema.alterTable('offer_codes').addColumn('issued_by_user', 'text').execute()
  await db.schema.alterTable('offer_codes').addColumn('issued_at', 'text').execute()
  await db.schema.alterTable('offer_codes').addColumn('emailed_to', 'text').execute()
  await db.schema.alterTable('offer_codes').addColumn('revoked_at', 'text').execute()
  await db.schema.alterTable('offer_codes').addColumn('revoked_by', 'text').execute()
  await db.schema.alterTable('offer_codes').addColumn('revoke_reason', 'text').execute()
  await db.schema.createIndex('offer_codes_building_issued_idx').on('offer_codes').columns(['building_id', 'issued_at', 'code']).execute()
  await db.schema.createIndex('offer_codes_issued_idx').on('offer_codes').columns(['issued_at', 'code']).execute()

  await db.schema
    .createTable('assisted_quotes')
    .addColumn('quote_id', 'text', (col) => col.primaryKey().references('quotes.id'))
    .addColumn('building_id', 'text', (col) => col.notNull().references('buildings.id'))
    .addColumn('staff_user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('company_name', 'text', (col) => col.notNull())
    .addColumn('credit_code', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text', (col) => col.notNull())
    .addColumn('contact_email', 'text', (col) => col.notNull())
    .addColumn('lang', 'text', (col) => col.notNull())
    .addColumn('declared_x_fen', 'bigint', (col) => col.notNull())
    .addColumn('negotiated_x_fen', 'bigint', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('assisted_quotes_building_created_idx').on('assisted_quotes').columns(['building_id', 'created_at', 'quote_id']).execute()
  await db.schema.createIndex('assisted_quotes_created_idx').on('assisted_quotes').columns(['created_at', 'quote_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assisted_quotes').execute()
  await db.schema.dropIndex('offer_codes_issued_idx').execute()
  await db.schema.dropIndex('offer_codes_building_issued_idx').execute()
  for (const column of ['revoke_reason', 'revoked_by', 'revoked_at', 'emailed_to', 'issued_at', 'issued_by_user']) {
    await db.schema.alterTable('offer_codes').dropColumn(column).execute()
  }
}
