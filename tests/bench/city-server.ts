import { sql } from 'kysely'
import { performance } from 'node:perf_hooks'
import type { DatabaseKind } from '../../db/connect'
import { DEFAULT_GENERATE_NOW, generateCity } from '../../db/generate/generate'
import { startBenchServer, type BenchServer } from './bench-server'

/**
 * The API on a fresh database generated to city scale (db/generate, the benches' fixed seed), its
 * clock at the generated day, and how many seconds generating took.
 */
export async function startCityBenchServer(kind: DatabaseKind, scale: number): Promise<{ server: BenchServer; generateSeconds: number }> {
  let generateSeconds = 0
  const server = await startBenchServer(kind, {
    prepare: async (db) => {
      const started = performance.now()
      await generateCity(db, { scale, seed: 20261120, now: DEFAULT_GENERATE_NOW, force: false })
      generateSeconds = (performance.now() - started) / 1000
      // What autovacuum does soon after a bulk load: mark the pages all-visible, so index-only scans
      // (the search index's counts, a campaign report's covering indexes) need not visit the table.
      if (kind === 'postgres') await sql`vacuum analyze`.execute(db)
    },
    // The generated orders end just before this instant: lateness is as on that day.
    now: () => DEFAULT_GENERATE_NOW,
  })
  return { server, generateSeconds }
}
