import { sql, type Kysely } from 'kysely'

/**
 * Campaigns (战役) and what their results are counted from (issue 13).
 *
 * quotes, leads and orders get their first-touch utm_source/medium/campaign/term as columns (the
 * attribution JSON they already keep is the source, backfilled here), so a campaign's results are
 * counted with GROUP BY over an index instead of parsing JSON row by row. Orders keep their quote's
 * first-year total (first_year_total_fen), the revenue a report sums.
 *
 * landing_views is rebuilt with a utm_term column (key part, '' for none as before); rows from before
 * keep their day as it was (a UTC day) and no term. From now on a view is counted on its Shanghai day.
 *
 * campaigns: name, channel (server/domain/campaign-channels.ts), the utm_campaign value its links carry
 * (unique), its first and last day (Shanghai, YYYY-MM-DD), who made it; the bundles it promotes
 * (campaign_offerings) and the buildings it targets (campaign_buildings).
 */

const UTM_COLUMNS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term'] as const
const ATTRIBUTED_TABLES = ['quotes', 'leads', 'orders'] as const
const BATCH = 1_000
/**
 * A campaign report reads each table once by (utm_campaign, created_at) and groups by these columns:
 * the index covers them, so the rows themselves are never visited (an order still looks up its quote).
 */
const REPORT_COLUMNS: Record<(typeof ATTRIBUTED_TABLES)[number], string[]> = {
  quotes: ['utm_term', 'building_id'],
  leads: ['utm_term', 'building_id', 'manager_id', 'status', 'touched_at'],
  orders: ['utm_term', 'building_id', 'manager_id', 'status', 'first_year_total_fen'],
}
/** As the application stores them (server/schemas/attribution.ts): at most 200 characters. */
const MAX_VALUE = 200

/** The utm values of a stored attribution JSON (frozen here: no application import). */
function utmValues(json: string | null): Record<(typeof UTM_COLUMNS)[number], string | null> {
  let parsed: unknown
  try {
    parsed = json ? JSON.parse(json) : null
  } catch {
    parsed = null
  }
  const record = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  const value = (key: string) => {
    const raw = record[key]
    return typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, MAX_VALUE) : null
  }
  return { utm_source: value('utm_source'), utm_medium: value('utm_medium'), utm_campaign: value('utm_campaign'), utm_term: value('utm_term') }
}

async function backfill(db: Kysely<any>, table: (typeof ATTRIBUTED_TABLES)[number]): Promise<void> {
  let after = ''
  for (;;) {
    const rows: { id: string; attribution_json: string | null }[] = await db
      .selectFrom(table)
      .select(['id', 'attribution_json'])
      .where('attribution_json', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()
    if (rows.length === 0) return
    // PostgreSQL runs migrations in a transaction already; SQLite gets one per batch.
    const inBatch = (work: (trx: Kysely<any>) => Promise<void>) => (db.isTransaction ? work(db) : db.transaction().execute(work))
    await inBatch(async (trx) => {
      for (const row of rows) {
        const values = utmValues(row.attribution_json)
        if (Object.values(values).some((value) => value !== null)) await trx.updateTable(table).set(values).where('id', '=', row.id).execute()
      }
    })
    after = rows[rows.length - 1]!.id
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  // An order's first-year revenue is its quote's, kept on the order so a report never reads the
  // quotes (their rows carry kilobytes of JSON each).
  await db.schema.alterTable('orders').addColumn('first_year_total_fen', 'bigint').execute()
  await sql`update orders set first_year_total_fen = (select quotes.first_year_total_fen from quotes where quotes.id = orders.quote_id)`.execute(db)

  for (const table of ATTRIBUTED_TABLES) {
    for (const column of UTM_COLUMNS) await db.schema.alterTable(table).addColumn(column, 'text').execute()
    await backfill(db, table)
    await db.schema.createIndex(`${table}_utm_campaign_idx`).on(table).columns(['utm_campaign', 'created_at', ...REPORT_COLUMNS[table]]).execute()
  }


  // Rebuilt (a key column cannot be added in place on SQLite): new table, old rows as they are, swap.
  await db.schema
    .createTable('landing_views_by_term')
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('utm_source', 'text', (col) => col.notNull())
    .addColumn('utm_medium', 'text', (col) => col.notNull())
    .addColumn('utm_campaign', 'text', (col) => col.notNull())
    .addColumn('utm_term', 'text', (col) => col.notNull())
    .addColumn('views', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('landing_views_term_pk', ['day', 'path', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term'])
    .execute()
  await sql`insert into landing_views_by_term (day, path, utm_source, utm_medium, utm_campaign, utm_term, views)
    select day, path, utm_source, utm_medium, utm_campaign, '', views from landing_views`.execute(db)
  await db.schema.dropTable('landing_views').execute()
  await db.schema.alterTable('landing_views_by_term').renameTo('landing_views').execute()
  await db.schema.createIndex('landing_views_campaign_idx').on('landing_views').columns(['utm_campaign', 'day']).execute()

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('utm_campaign', 'text', (col) => col.notNull().unique())
    .addColumn('starts_on', 'text', (col) => col.notNull())
    .addColumn('ends_on', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('staff_users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('campaigns_starts_idx').on('campaigns').columns(['starts_on', 'id']).execute()
  await db.schema
    .createTable('campaign_offerings')
    .addColumn('campaign_id', 'text', (col) => col.notNull().references('campaigns.id'))
    .addColumn('offering_slug', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('campaign_offerings_pk', ['campaign_id', 'offering_slug'])
    .execute()
  await db.schema
    .createTable('campaign_buildings')
    .addColumn('campaign_id', 'text', (col) => col.notNull().references('campaigns.id'))
    .addColumn('building_id', 'text', (col) => col.notNull().references('buildings.id'))
    .addPrimaryKeyConstraint('campaign_buildings_pk', ['campaign_id', 'building_id'])
    .execute()
  await db.schema.createIndex('campaign_buildings_building_idx').on('campaign_buildings').columns(['building_id', 'campaign_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_buildings').execute()
  await db.schema.dropTable('campaign_offerings').execute()
  await db.schema.dropTable('campaigns').execute()

  await db.schema.dropIndex('landing_views_campaign_idx').execute()
  await db.schema
    .createTable('landing_views_by_path')
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('utm_source', 'text', (col) => col.notNull())
    .addColumn('utm_medium', 'text', (col) => col.notNull())
    .addColumn('utm_campaign', 'text', (col) => col.notNull())
    .addColumn('views', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('landing_views_pk', ['day', 'path', 'utm_source', 'utm_medium', 'utm_campaign'])
    .execute()
  await sql`insert into landing_views_by_path (day, path, utm_source, utm_medium, utm_campaign, views)
    select day, path, utm_source, utm_medium, utm_campaign, sum(views) from landing_views group by day, path, utm_source, utm_medium, utm_campaign`.execute(db)
  await db.schema.dropTable('landing_views').execute()
  await db.schema.alterTable('landing_views_by_path').renameTo('landing_views').execute()

  for (const table of ATTRIBUTED_TABLES) {
    await db.schema.dropIndex(`${table}_utm_campaign_idx`).execute()
    for (const column of UTM_COLUMNS) await db.schema.alterTable(table).dropColumn(column).execute()
  }
  await db.schema.alterTable('orders').dropColumn('first_year_total_fen').execute()
}
