import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * A job's pass for all server processes at once (WORKERS=N, or several machines on one PostgreSQL):
 * a transaction on a connection of its own takes a transaction-scoped advisory lock named after the
 * job, without waiting. The process that gets it runs the pass (on other connections) and commits;
 * the others skip this pass. A process that dies mid-pass drops its connection, and with it the lock.
 * SQLite serves one process (WORKERS>1 is refused there), so its passes run as they are.
 */
export async function inOneProcessAtATime<T>(db: Kysely<any>, job: string, work: () => Promise<T>, skipped: T): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return work()
  return db.transaction().execute(async (lockHolder) => {
    // The holder sits idle in its transaction while the pass runs on other connections.
    await sql`set local idle_in_transaction_session_timeout = 0`.execute(lockHolder)
    await sql`set local statement_timeout = 0`.execute(lockHolder)
    // Advisory locks are per database: the key names the schema too, so storefronts (or test runs)
    // in other schemas of the same database never skip each other's passes.
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(current_schema() || ':storefront-job:' || ${job}, 0)) as locked`.execute(lockHolder)
    return rows[0]?.locked ? work() : skipped
  })
}
