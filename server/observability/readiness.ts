import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { migrationProvider } from '../../db/migrations'

export type Readiness = { ready: true } | { ready: false; reason: string }

export interface ReadinessCheck {
  check: () => Promise<Readiness>
  /** From now on not ready: the load balancer stops sending new requests while the old ones finish. */
  markShuttingDown: () => void
}

/**
 * Ready = the database answers and holds every migration this build needs. A migration this build
 * does not know (a newer version migrated first during a rolling deploy) does not make it unready:
 * migrations only add, so the older process keeps serving until it is replaced.
 */
export function createReadinessCheck(db: Kysely<Database>): ReadinessCheck {
  let shuttingDown = false
  let needed: Promise<string[]> | undefined
  return {
    markShuttingDown: () => {
      shuttingDown = true
    },
    check: async () => {
      if (shuttingDown) return { ready: false, reason: 'shutting down' }
      needed ??= migrationProvider.getMigrations().then((migrations) => Object.keys(migrations))
      try {
        await sql`select 1`.execute(db)
      } catch (error) {
        return { ready: false, reason: `database unreachable: ${error instanceof Error ? error.message : String(error)}` }
      }
      const applied = await appliedMigrations(db)
      const missing = (await needed).filter((name) => !applied.has(name))
      return missing.length === 0 ? { ready: true } : { ready: false, reason: `migrations not applied: ${missing.join(', ')}` }
    },
  }
}

async function appliedMigrations(db: Kysely<Database>): Promise<Set<string>> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db)
    return new Set(rows.map((row) => row.name))
  } catch {
    // No bookkeeping table: nothing was ever migrated.
    return new Set()
  }
}
