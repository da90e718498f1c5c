import { sql, type Kysely, type OperationNodeSource } from 'kysely'
import type { Database } from '../../db/schema'
import { isPostgres } from './dialect'

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
  if (writes.length === 1 || !isPostgres(db)) {
    for (const write of writes) await write.execute()
    return
  }
  await sql`with ${sql.join(cteParts(writes))} select 1`.execute(db)
}

/** An update that must change exactly one row (and returns it): what the writes beside it depend on. */
export type ClaimWrite = OperationNodeSource & { execute: () => Promise<unknown[]> }

/**
 * `writes` and `claim` in one trip, as writeInOneTrip, answering whether the claim changed its row.
 * When it did not, the caller throws, and its transaction takes back what was written beside it.
 * PostgreSQL runs every data-modifying CTE to completion, and the claim's row lock and recheck are
 * as they would be for the update alone.
 */
export async function writeInOneTripClaiming(db: Kysely<Database>, writes: PendingWrite[], claim: ClaimWrite): Promise<boolean> {
  if (!isPostgres(db)) {
    for (const write of writes) await write.execute()
    return (await claim.execute()).length === 1
  }
  const { rows } = await sql<{ claimed: number | string }>`with ${sql.join([...cteParts(writes), sql`claim as (${claim})`])} select count(*) as claimed from claim`.execute(db)
  return Number(rows[0].claimed) === 1
}

const cteParts = (writes: PendingWrite[]) => writes.map((write, index) => sql`${sql.id(`write_${index}`)} as (${write})`)
