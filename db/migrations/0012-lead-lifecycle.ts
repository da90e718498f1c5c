import { sql, type Kysely } from 'kysely'

/**
 * Building managers work their leads: a lead gets a lifecycle (new → contacted → qualified → won or
 * lost, with a reason), notes, a follow-up date, the order that won it, and the response SLA's marks
 * (when staff first touched it, when it was escalated). A lead may carry the company's credit code
 * and e-mail (leads from abandoned quotes do), so an order of the same company wins it.
 *
 * The district lead (to whom an untouched lead is escalated) is one of the district's building
 * managers, flagged on their row: at most one per district. A customer's consent at e-mail
 * verification to be called about their quote is kept on the verification, with the details they
 * typed, so an abandoned quote becomes a lead once (one lead per quote).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('leads').addColumn('credit_code', 'text').execute()
  await db.schema.alterTable('leads').addColumn('email', 'text').execute()
  await db.schema.alterTable('leads').addColumn('follow_up_on', 'text').execute()
  await db.schema.alterTable('leads').addColumn('lost_reason', 'text').execute()
  await db.schema.alterTable('leads').addColumn('lost_note', 'text').execute()
  await db.schema.alterTable('leads').addColumn('order_id', 'text', (col) => col.references('orders.id')).execute()
  await db.schema.alterTable('leads').addColumn('touched_at', 'text').execute()
  await db.schema.alterTable('leads').addColumn('escalated_at', 'text').execute()
  await db.schema.alterTable('leads').addColumn('updated_at', 'text').execute()
  // Leads worked before the lifecycle existed were touched then; new ones stay untouched.
  await db.updateTable('leads').set({ touched_at: sql.ref('created_at') }).where('status', '<>', 'new').execute()

  // The console's list, newest first by keyset (all, per building, per status), and the SLA job.
  await db.schema.createIndex('leads_created_idx').on('leads').columns(['created_at', 'id']).execute()
  await db.schema.createIndex('leads_building_created_idx').on('leads').columns(['building_id', 'created_at', 'id']).execute()
  await db.schema.createIndex('leads_status_created_idx').on('leads').columns(['status', 'created_at', 'id']).execute()
  await db.schema.createIndex('leads_abandoned_quote_idx').on('leads').column('quote_id').unique().where(sql.ref('source'), '=', 'abandoned_quote').execute()

  await db.schema
    .createTable('lead_notes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('lead_id', 'text', (col) => col.notNull().references('leads.id'))
    .addColumn('author_id', 'text', (col) => col.references('staff_users.id'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('lead_notes_lead_idx').on('lead_notes').columns(['lead_id', 'created_at']).execute()

  await db.schema.alterTable('building_managers').addColumn('district_lead', 'integer', (col) => col.notNull().defaultTo(0)).execute()
  await db.schema.createIndex('building_managers_district_lead_idx').on('building_managers').column('district').unique().where(sql.ref('district_lead'), '=', 1).execute()

  await db.schema.alterTable('email_verifications').addColumn('follow_up_consent', 'integer', (col) => col.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('email_verifications').addColumn('quote_id', 'text', (col) => col.references('quotes.id')).execute()
  await db.schema.alterTable('email_verifications').addColumn('follow_up_json', 'text').execute()
  await db.schema.createIndex('email_verifications_consent_idx').on('email_verifications').column('confirmed_at').where(sql.ref('follow_up_consent'), '=', 1).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('email_verifications_consent_idx').execute()
  await db.schema.alterTable('email_verifications').dropColumn('follow_up_json').execute()
  await db.schema.alterTable('email_verifications').dropColumn('quote_id').execute()
  await db.schema.alterTable('email_verifications').dropColumn('follow_up_consent').execute()
  await db.schema.dropIndex('building_managers_district_lead_idx').execute()
  await db.schema.alterTable('building_managers').dropColumn('district_lead').execute()
  await db.schema.dropTable('lead_notes').execute()
  await db.schema.dropIndex('leads_abandoned_quote_idx').execute()
  await db.schema.dropIndex('leads_status_created_idx').execute()
  await db.schema.dropIndex('leads_building_created_idx').execute()
  await db.schema.dropIndex('leads_created_idx').execute()
  for (const column of ['updated_at', 'escalated_at', 'touched_at', 'order_id', 'lost_note', 'lost_reason', 'follow_up_on', 'email', 'credit_code']) {
    await db.schema.alterTable('leads').dropColumn(column).execute()
  }
}
