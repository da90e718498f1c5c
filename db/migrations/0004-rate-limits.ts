import type { Kysely } from 'kysely'

/**
 * Abuse resistance: the shared counters of rate-limiter-flexible (its SQLite and PostgreSQL stores
 * read and write this exact shape; we create it here so the library never runs DDL at run time),
 * refused callback forms kept server-side for a few minutes (so personal data never rides in a
 * redirect URL), and the ad campaign values landing views are counted under (any other value is
 * counted as '(other)', so random query strings cannot add rows).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (col) => col.primaryKey())
    .addColumn('points', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute()

  await db.schema
    .createTable('form_flashes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('campaign_values')
    .addColumn('parameter', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('campaign_values_pk', ['parameter', 'value'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_values').execute()
  await db.schema.dropTable('form_flashes').execute()
  await db.schema.dropTable('rate_limits').execute()
}
