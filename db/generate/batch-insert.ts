import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../schema'

/** Below SQLite's 32,766 bound parameters per statement (PostgreSQL allows 65,535). */
const MAX_PARAMETERS = 30_000

/** Multi-row inserts, as many rows per statement as the parameter limit allows. */
export async function insertRows<Table extends keyof Database>(db: Kysely<Database>, table: Table, rows: Insertable<Database[Table]>[]): Promise<void> {
  if (rows.length === 0) return
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]).length))
  for (let start = 0; start < rows.length; start += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + perStatement) as any)
      .execute()
  }
}
