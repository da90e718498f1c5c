import { Migrator, PostgresAdapter, sql, type Kysely, type MigrationResultSet } from 'kysely'
import { migrationProvider } from './migrations'

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider, ...(await migrationTableSchema(db)) }).migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}

/** Migrates back (later migrations go down first) or forward to `name`: the tests of a migration's way back and up. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<MigrationResultSet> {
  return new Migrator({ db, provider: migrationProvider, ...(await migrationTableSchema(db)) }).migrateTo(name)
}

/**
 * Kysely looks for its migration tables in every schema unless told which one: with one PostgreSQL
 * schema per test run (or per tenant), another schema's lock table would be taken for ours.
 */
async function migrationTableSchema(db: Kysely<any>): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {}
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return { migrationTableSchema: rows[0].schema }
}
