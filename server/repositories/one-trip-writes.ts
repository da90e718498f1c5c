import { PostgresAdapter, sql, type Kysely, type OperationNodeSource } from 'kysely'
import type { Database } from '../../db/schema'

/** An insert, update or delete, built and not yet run. */
export type PendingWrite = OperationNodeSource & { execute: () => Promise<unknown> }

/**
 * Writes that need none of each other's results, in the caller's transaction. On PostgreSQL they go
 * as one statement of data-modifying CTEs (`with w0 as (insert …), w1 as (insert …) select 1`): one
 * round trip instead of one each, which was most of an order's cost there (each trip wakes a backend;
 * measured). PostgreSQL runs them on one snapshot and checks foreign keys at the end of the statement,
 * so a row may refer to one inserted beside it. On SQLite, where a statement costs no round trip and
 * such CTEs do not exist, they run one after another.
 */
export async function writeInOneTrip(db: Kysely<Database>, writes: PendingWrite[]): Promise<void> {
  if (writes.length === 1 || !(db.getExecutor().adapter instanceof PostgresAdapter)) {
    for (const write of writes) await write.execute()
    return
  }
  const parts = writes.map((write, index) => sql`${sql.id(`write_${index}`)} as (${write})`)
  await sql`with ${sql.join(parts)} select 1`.execute(db)
}
