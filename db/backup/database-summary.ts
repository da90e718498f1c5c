import { migrationProvider } from '../migrations'

/** One statement's rows: better-sqlite3 and pg both answer plain objects. */
export type RowsOf = (statement: string) => Promise<Record<string, unknown>[]>

export type MigrationState =
  | { state: 'current'; latest: string }
  | { state: 'behind'; missing: string[] }
  | { state: 'ahead'; unknown: string[] }
  | { state: 'unmigrated' }

export interface DatabaseSummary {
  /** Every table, Kysely's migration bookkeeping included: any at all makes the database non-empty. */
  tables: string[]
  orders: number
  migrations: MigrationState
}

const TABLE_LISTS = {
  sqlite: `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`,
  postgres: `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
}

/** The names this build of the storefront migrates to, in order. */
export async function expectedMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort()
}

/** Tables, orders and how the applied migrations compare with this build's, read through `rowsOf`. */
export async function summarizeDatabase(kind: 'sqlite' | 'postgres', rowsOf: RowsOf): Promise<DatabaseSummary> {
  const tables = (await rowsOf(TABLE_LISTS[kind])).map((row) => String(row.name))
  const orders = tables.includes('orders') ? Number((await rowsOf('select count(*) as count from orders'))[0].count) : 0
  const applied = tables.includes('kysely_migration') ? (await rowsOf('select name from kysely_migration order by name')).map((row) => String(row.name)) : []
  return { tables, orders, migrations: compareMigrations(applied, await expectedMigrations()) }
}

function compareMigrations(applied: string[], expected: string[]): MigrationState {
  if (applied.length === 0) return { state: 'unmigrated' }
  const unknown = applied.filter((name) => !expected.includes(name))
  if (unknown.length > 0) return { state: 'ahead', unknown }
  const missing = expected.filter((name) => !applied.includes(name))
  return missing.length > 0 ? { state: 'behind', missing } : { state: 'current', latest: expected.at(-1)! }
}

/** `43 tables, 5 orders, migrations current (0018-…)`, for the CLI's last line. */
export function describeSummary(summary: DatabaseSummary): string {
  const storefrontTables = summary.tables.filter((name) => !name.startsWith('kysely_migration'))
  return `${storefrontTables.length} tables, ${summary.orders} orders, ${describeMigrations(summary.migrations)}`
}

function describeMigrations(migrations: MigrationState): string {
  switch (migrations.state) {
    case 'current':
      return `migrations current (${migrations.latest})`
    case 'behind':
      return `${migrations.missing.length} migrations behind this version (npm run db:migrate applies them; the server also does on start)`
    case 'ahead':
      return `made by a newer version of the storefront (unknown migrations: ${migrations.unknown.join(', ')}): run that version`
    case 'unmigrated':
      return 'no migrations applied'
  }
}
