import type { Kysely } from 'kysely'

/**
 * E-mail visits (issue 13): a manager mails chosen tenants of their buildings a templated offer of one or
 * more bundles at a chosen time.
 *
 * email_visits is one send: who made it, for which building manager (whose name and phone the mail
 * carries), language, template, the bundles (JSON array of offering slugs), the utm_campaign its links
 * carry and when it goes. email_visit_recipients is one tenant it was addressed to, with the random
 * token its links carry (clicks, unsubscribe), what became of its mail and its clicks.
 * email_suppressions holds every address that unsubscribed (lower case): no later visit mails it.
 * Leads and orders keep the recipient whose link brought them (email_visit_recipient_id).
 *
 * Staff user, manager and tenant ids without foreign keys: SQLite cannot drop a referencing column
 * (down), and a visit's record outlives a tenant removed from a list.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_visits')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('manager_id', 'text')
    .addColumn('lang', 'text', (col) => col.notNull())
    .addColumn('template', 'text', (col) => col.notNull())
    .addColumn('offerings_json', 'text', (col) => col.notNull())
    .addColumn('utm_campaign', 'text', (col) => col.notNull())
    .addColumn('send_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('email_visits_created_idx').on('email_visits').columns(['created_at', 'id']).execute()
  await db.schema.createIndex('email_visits_manager_idx').on('email_visits').columns(['manager_id', 'created_at']).execute()

  await db.schema
    .createTable('email_visit_recipients')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('visit_id', 'text', (col) => col.notNull().references('email_visits.id'))
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('building_id', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('company', 'text', (col) => col.notNull())
    .addColumn('token', 'text', (col) => col.notNull().unique())
    // queued → sent | skipped_unsubscribed; skipped_no_email from the start.
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('clicks', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('first_clicked_at', 'text')
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('email_visit_recipients_visit_idx').on('email_visit_recipients').columns(['visit_id']).execute()

  await db.schema
    .createTable('email_suppressions')
    .addColumn('email', 'text', (col) => col.primaryKey())
    .addColumn('unsubscribed_at', 'text', (col) => col.notNull())
    .addColumn('token', 'text')
    .execute()

  await db.schema.alterTable('leads').addColumn('email_visit_recipient_id', 'text').execute()
  await db.schema.alterTable('orders').addColumn('email_visit_recipient_id', 'text').execute()
  await db.schema.createIndex('leads_email_visit_recipient_idx').on('leads').column('email_visit_recipient_id').execute()
  await db.schema.createIndex('orders_email_visit_recipient_idx').on('orders').column('email_visit_recipient_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_email_visit_recipient_idx').execute()
  await db.schema.dropIndex('leads_email_visit_recipient_idx').execute()
  await db.schema.alterTable('orders').dropColumn('email_visit_recipient_id').execute()
  await db.schema.alterTable('leads').dropColumn('email_visit_recipient_id').execute()
  await db.schema.dropTable('email_suppressions').execute()
  await db.schema.dropTable('email_visit_recipients').execute()
  await db.schema.dropTable('email_visits').execute()
}
