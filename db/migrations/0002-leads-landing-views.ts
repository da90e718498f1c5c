import type { Kysely } from 'kysely'

/** Callback requests routed to a building manager (or a district queue), and landing-page views. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leads')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('company', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text', (col) => col.notNull())
    .addColumn('mobile', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('lang', 'text', (col) => col.notNull())
    .addColumn('building_id', 'text', (col) => col.references('buildings.id'))
    .addColumn('offering_slug', 'text')
    .addColumn('quote_id', 'text', (col) => col.references('quotes.id'))
    .addColumn('manager_id', 'text', (col) => col.references('building_managers.id'))
    .addColumn('queue_district', 'text')
    .addColumn('attribution_json', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('leads_manager_idx').on('leads').columns(['manager_id', 'created_at']).execute()

  // One counter per day, page and campaign; '' stands for "none" so the key is never NULL.
  await db.schema
    .createTable('landing_views')
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('utm_source', 'text', (col) => col.notNull())
    .addColumn('utm_medium', 'text', (col) => col.notNull())
    .addColumn('utm_campaign', 'text', (col) => col.notNull())
    .addColumn('views', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('landing_views_pk', ['day', 'path', 'utm_source', 'utm_medium', 'utm_campaign'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('landing_views').execute()
  await db.schema.dropTable('leads').execute()
}
