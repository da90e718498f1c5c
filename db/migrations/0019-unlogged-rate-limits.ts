import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Rate-limit counters need no durability: after a crash they may start from zero, as they do on
 * SQLite (kept in memory there). Written for nearly every public request, they made each of them
 * wait for a WAL flush on PostgreSQL; an unlogged table is written without the WAL (and emptied
 * after a crash), which took the quote preview from about 400 to several thousand answers a second.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table rate_limits set unlogged`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table rate_limits set logged`.execute(db)
}

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter
