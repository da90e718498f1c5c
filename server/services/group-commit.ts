import { sql, SqliteAdapter, type Insertable, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { writeBatches } from './write-batches'

/**
 * Runs one unit of writes in a transaction, as if alone, and answers when it is durable.
 *
 * On SQLite every commit waits for an fsync of the WAL (an acknowledged write survives power loss;
 * db/connect.ts makes it off the event loop), one after the other: that, not the work, caps
 * writes per second. So writes that arrive while others wait share one transaction and one fsync
 * (group commit): each runs in a savepoint of its own, in arrival order, and sees the earlier ones'
 * rows as it would had they committed before it; one that throws is rolled back to its savepoint
 * alone and its caller gets its own error; every caller hears back only after the shared COMMIT,
 * and all of them get its error if it fails.
 *
 * On PostgreSQL each unit is its own transaction: concurrent commits on the pool's connections
 * already share the WAL flush there.
 */
export function writeTogether<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (!isSqlite(db) || db.isTransaction) return db.transaction().execute(work)
  let group = groups.get(db)
  if (!group) {
    group = createGroup(db)
    groups.set(db, group)
  }
  return group.add(work)
}

/**
 * The same for writes that need no transaction of their own (one insert, an upsert of a counter):
 * grouped on SQLite as above, straight on the pool on PostgreSQL, where a transaction around them
 * would only hold a pooled connection for two more round trips.
 */
export function writeGroupedOnSqlite<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return isSqlite(db) ? writeTogether(db, work) : work(db)
}

/**
 * One row into `table`, stored durably when the promise resolves. Rows arriving together go in one
 * multi-row INSERT (a statement each was most of a stored quote's cost on PostgreSQL, and on SQLite
 * each had a savepoint of its own around it): on PostgreSQL one statement and one commit for all of
 * them, on SQLite one savepoint in the group commit above. While INSERTS_IN_FLIGHT of a table run,
 * the rows arriving meanwhile make the next. Should an INSERT fail, each of its rows is tried alone,
 * so a bad row fails its own caller only.
 */
export function insertTogether<T extends keyof Database & string>(db: Kysely<Database>, table: T, row: Insertable<Database[T]>): Promise<void> {
  // Inside a transaction the row is the transaction's: it commits (or not) with the rest of it.
  if (db.isTransaction) return insertRows(db, table, [row])
  let tables = rowBatchers.get(db)
  if (!tables) {
    tables = new Map()
    rowBatchers.set(db, tables)
  }
  let batcher = tables.get(table)
  if (!batcher) {
    batcher = rowBatcher(db, table)
    tables.set(table, batcher)
  }
  return batcher.add(row)
}

type RowBatch = { row: unknown; resolve: () => void; reject: (error: unknown) => void }[]

/**
 * Batched INSERTs of one table running at once. Each waits for its commit to be flushed, which
 * PostgreSQL shares between the commits of the moment: with one at a time, stored quotes were held up
 * by that wait with the server a third idle; 3 gave the most (stored quotes on PostgreSQL, this
 * machine, best of 3 rounds: 1 → 3,414, 2 → 4,278, 3 → 5,113, 4 → 5,104, 6 → 4,389 req/s).
 */
const INSERTS_IN_FLIGHT = 3

function rowBatcher(db: Kysely<Database>, table: string) {
  let rows: RowBatch = []
  const insertSoon = writeBatches(
    () => {
      const batch = rows
      rows = []
      return insertBatch(db, table, batch)
    },
    () => rows.length > 0,
    INSERTS_IN_FLIGHT,
  )
  return {
    add: (row: unknown) =>
      new Promise<void>((resolve, reject) => {
        rows.push({ row, resolve, reject })
        insertSoon()
      }),
  }
}

const rowBatchers = new WeakMap<Kysely<Database>, Map<string, ReturnType<typeof rowBatcher>>>()

const insertRows = async (db: Kysely<Database>, table: string, rows: unknown[]) => {
  await (db as Kysely<any>).insertInto(table).values(rows).execute()
}

/** Rows stored durably: on SQLite in the group commit, on PostgreSQL as their own statement. */
const storeRows = (db: Kysely<Database>, table: string, rows: unknown[]) =>
  writeGroupedOnSqlite(db, (writer) => insertRows(writer, table, rows))

async function insertBatch(db: Kysely<Database>, table: string, batch: RowBatch) {
  try {
    await storeRows(db, table, batch.map(({ row }) => row))
    for (const { resolve } of batch) resolve()
  } catch (error) {
    if (batch.length === 1) return batch[0].reject(error)
    await Promise.all(batch.map(({ row, resolve, reject }) => storeRows(db, table, [row]).then(resolve, reject)))
  }
}

const groups = new WeakMap<Kysely<Database>, Group>()

const isSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter

interface Pending {
  work: (trx: Transaction<Database>) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

interface Group {
  add<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>
}

function createGroup(db: Kysely<Database>): Group {
  let waiting: Pending[] = []
  let committing = false

  /** Writes that arrived in the same turn of the event loop (or during the last commit) go together. */
  const schedule = () => {
    committing = true
    setImmediate(() => void commitWaiting())
  }

  async function commitWaiting() {
    const batch = waiting
    waiting = []
    const outcomes: Outcome[] = []
    try {
      await db.transaction().execute(async (trx) => {
        for (const { work } of batch) outcomes.push(await inSavepoint(trx, work))
      })
      batch.forEach(({ resolve, reject }, index) => {
        const outcome = outcomes[index]
        if (outcome.ok) resolve(outcome.value)
        else reject(outcome.error)
      })
    } catch (error) {
      // The shared COMMIT (or BEGIN) failed: nothing of the batch is stored, and everyone hears so.
      for (const { reject } of batch) reject(error)
    }
    if (waiting.length > 0) schedule()
    else committing = false
  }

  return {
    add<T>(work: (trx: Transaction<Database>) => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject })
        if (!committing) schedule()
      })
    },
  }
}

async function inSavepoint(trx: Transaction<Database>, work: (trx: Transaction<Database>) => Promise<unknown>): Promise<Outcome> {
  await sql`savepoint group_write`.execute(trx)
  try {
    const value = await work(trx)
    await sql`release savepoint group_write`.execute(trx)
    return { ok: true, value }
  } catch (error) {
    await sql`rollback to savepoint group_write`.execute(trx)
    await sql`release savepoint group_write`.execute(trx)
    return { ok: false, error }
  }
}
