import { PostgresAdapter, sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateTo, migrateToLatest } from '../../db/migrate'
import { createSeededDatabase, databaseKinds } from '../support/test-database'

/** Each JSON column's compression on PostgreSQL ('l' lz4, '' the default, pglz); SQLite has none. */
async function compression(db: Kysely<any>): Promise<Record<string, string> | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined
  const { rows } = await sql<{ attname: string; attcompression: string }>`
    select attname, attcompression from pg_attribute
    where attrelid = 'quotes'::regclass and attname in ('quote_json', 'request_json')`.execute(db)
  return Object.fromEntries(rows.map((row) => [row.attname, row.attcompression]))
}

describe.each(databaseKinds)('migration 0023 (quote JSON compressed with lz4) on %s', (kind) => {
  it('compresses the stored quote and request with lz4 on PostgreSQL, goes back and forth, and quotes are still stored', async () => {
    const database = await createSeededDatabase(kind)
    const db = database.db as Kysely<any>
    try {
      const lz4 = kind === 'postgres' ? { quote_json: 'l', request_json: 'l' } : undefined
      expect(await compression(db)).toEqual(lz4)
      expect((await migrateTo(db, '0022-order-search-backlog')).error).toBeUndefined()
      expect(await compression(db)).toEqual(kind === 'postgres' ? { quote_json: '', request_json: '' } : undefined)
      expect(await migrateToLatest(db)).toEqual(['0023-quote-json-lz4'])
      expect(await compression(db)).toEqual(lz4)

      const { id: catalogVersion } = await db.selectFrom('catalog_versions').select('id').executeTakeFirstOrThrow()
      const quoteJson = JSON.stringify({ lines: Array.from({ length: 200 }, (_, month) => ({ month, label: '月承诺消费' })) })
      await db
        .insertInto('quotes')
        .values({
          id: 'lz4-check',
          catalog_version: catalogVersion,
          offering_slug: 'evergreen',
          term_months: 12,
          estimated_monthly_fen: 1,
          one_time_total_fen: 0,
          first_year_total_fen: 12,
          request_json: '{}',
          quote_json: quoteJson,
          created_at: '2026-12-01T00:00:00.000Z',
          expires_at: '2026-12-08T00:00:00.000Z',
        })
        .execute()
      const stored = await db.selectFrom('quotes').select('quote_json').where('id', '=', 'lz4-check').executeTakeFirstOrThrow()
      expect(stored.quote_json).toBe(quoteJson)
      if (kind === 'postgres') {
        const { rows } = await sql<{ method: string | null }>`select pg_column_compression(quote_json) as method from quotes where id = 'lz4-check'`.execute(db)
        expect(rows[0].method).toBe('lz4')
      }
    } finally {
      await database.drop()
    }
  })
})
