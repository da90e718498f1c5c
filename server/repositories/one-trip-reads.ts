import { sql, type Kysely, type OperationNodeSource } from 'kysely'
import type { Database } from '../../db/schema'
import { isPostgres } from './dialect'

/** A select, built and not yet run. */
export type PendingRead<Row> = OperationNodeSource & { execute: () => Promise<Row[]> }

type RowsOf<Reads> = { [Name in keyof Reads]: Reads[Name] extends PendingRead<infer Row> ? Row[] : never }

/**
 * Selects that need none of each other's results, answered together: on PostgreSQL as one statement
 * (`select (select json_agg(r) from (…) as r) as name, …`), one round trip instead of one each, the
 * counterpart of writeInOneTrip for reads (four more trips an order took 10–22 % off the orders placed
 * per second there, measured).
 * The rows come back as JSON, which holds every value our columns have (text, integers, null) as the
 * driver would give it. On SQLite, where a statement costs no trip, they run one after another.
 */
export async function readInOneTrip<Reads extends Record<string, PendingRead<unknown>>>(db: Kysely<Database>, reads: Reads): Promise<RowsOf<Reads>> {
  const names = Object.keys(reads)
  const rows: Record<string, unknown[]> = {}
  if (!isPostgres(db)) {
    for (const name of names) rows[name] = await reads[name].execute()
    return rows as RowsOf<Reads>
  }
  const columns = names.map((name) => sql`(select coalesce(json_agg(r), '[]'::json) from (${reads[name]}) as r) as ${sql.id(name)}`)
  const { rows: answered } = await sql<Record<string, unknown[]>>`select ${sql.join(columns)}`.execute(db)
  return answered[0] as RowsOf<Reads>
}
