import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * A stored quote's JSON (3 to 4 kB) is over PostgreSQL's TOAST threshold, so every insert compressed
 * it with pglz, the default, in the server's own CPU time; lz4 compresses it several times faster.
 * Only rows written from now on are compressed with it (PostgreSQL reads both). SQLite compresses
 * nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table quotes alter column quote_json set compression lz4, alter column request_json set compression lz4`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table quotes alter column quote_json set compression default, alter column request_json set compression default`.execute(db)
}

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter
