import { PostgresAdapter, type Kysely } from 'kysely'

/** Whether `db` talks to PostgreSQL (else SQLite): for the few writes each does its own way. */
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter
