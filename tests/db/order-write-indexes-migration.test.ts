import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateTo, migrateToLatest } from '../../db/migrate'
import { bookedInstalls } from '../../server/repositories/install-capacity-repository'
import { rarestSearchGram } from '../../server/repositories/order-search-repository'
import { createSeededDatabase, databaseKinds } from '../support/test-database'

const GRAMS = [
  { gram: 'SO2', order_id: 'order-a' },
  { gram: 'SO2', order_id: 'order-b' },
  { gram: '李雷1', order_id: 'order-a' },
]

describe.each(databaseKinds)('migration 0021 (order write indexes) on %s', (kind) => {
  it('keeps every search trigram through down and up, SQLite storing them without a rowid', async () => {
    const database = await createSeededDatabase(kind)
    const db = database.db as Kysely<any>
    try {
      await db.insertInto('order_search_grams').values(GRAMS).execute()
      expect((await migrateTo(db, '0020-booked-installs-index')).error).toBeUndefined()
      if (kind === 'sqlite') expect(await storedWithoutRowid(db)).toBe(false)
      expect(await migrateToLatest(db)).toEqual(['0021-order-write-indexes', '0022-order-search-backlog', '0023-quote-json-lz4'])
      if (kind === 'sqlite') expect(await storedWithoutRowid(db)).toBe(true)

      const grams = await db.selectFrom('order_search_grams').selectAll().orderBy('gram').orderBy('order_id').execute()
      expect(grams).toEqual([...GRAMS].sort((a, b) => (a.gram + a.order_id < b.gram + b.order_id ? -1 : 1)))
      expect(await rarestSearchGram(database.db, '李雷1')).toBe('李雷1')
      // The primary key still refuses a trigram twice for one order.
      await expect(db.insertInto('order_search_grams').values(GRAMS[0]).execute()).rejects.toThrow()
    } finally {
      await database.drop()
    }
  })
})

describe('counting a half-day’s booked installations on SQLite', () => {
  it('reads the booked orders of that half-day through the new index, not every order wishing for it', async () => {
    const database = await createSeededDatabase('sqlite')
    const executed: { sql: string; parameters: readonly unknown[] }[] = []
    // A second Kysely on the same connection, logging what the repository runs.
    const logged = new Kysely<any>({ dialect: new SqliteDialect({ database: database.driver.kind === 'sqlite' ? database.driver.sqlite : undefined! }), log: (event) => void executed.push(event.query) })
    try {
      expect(await bookedInstalls(logged, 'pudong', { date: '2026-12-01', slot: 'am' })).toBe(0)
      const [{ sql: text, parameters }] = executed
      const plan = database.driver.kind === 'sqlite' ? (database.driver.sqlite.prepare(`explain query plan ${text}`).all(...parameters) as { detail: string }[]) : []
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/SEARCH orders USING (COVERING )?INDEX orders_booked_installs_idx \(install_date=\? AND install_slot=\? AND status=\?\)/)
    } finally {
      await database.drop()
    }
  })
})

async function storedWithoutRowid(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ wr: number }>`select wr from pragma_table_list where name = 'order_search_grams'`.execute(db)
  return rows[0]?.wr === 1
}
