import { PostgresAdapter, sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateTo, migrateToLatest } from '../../db/migrate'
import { createRateLimits } from '../../server/services/rate-limits'
import { generousLimits } from '../support/generous-limits'
import { createSeededDatabase, databaseKinds } from '../support/test-database'

/** 'u' for an unlogged table, 'p' for a logged one; SQLite has no such thing. */
async function persistence(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined
  const { rows } = await sql<{ relpersistence: string }>`select relpersistence from pg_class where oid = 'rate_limits'::regclass`.execute(db)
  return rows[0]?.relpersistence
}

describe.each(databaseKinds)('migration 0019 (unlogged rate-limit counters) on %s', (kind) => {
  it('writes the counters without the WAL on PostgreSQL, goes back and forth, and the limits still count', async () => {
    const database = await createSeededDatabase(kind)
    const db = database.db as Kysely<any>
    try {
      expect(await persistence(db)).toBe(kind === 'postgres' ? 'u' : undefined)
      expect((await migrateTo(db, '0018-catalog-drafts-releases')).error).toBeUndefined()
      expect(await persistence(db)).toBe(kind === 'postgres' ? 'p' : undefined)
      expect(await migrateToLatest(db)).toEqual(['0019-unlogged-rate-limits', '0020-booked-installs-index', '0021-order-write-indexes', '0022-order-search-backlog', '0023-quote-json-lz4'])

      const limits = createRateLimits(database.driver, { ...generousLimits, previews: { points: 2, seconds: 60 } }, { sweepExpired: false })
      await limits.take('previews', '203.0.113.9')
      await limits.take('previews', '203.0.113.9')
      await expect(limits.take('previews', '203.0.113.9')).rejects.toMatchObject({ code: 'rate_limited' })
    } finally {
      await database.drop()
    }
  })
})
