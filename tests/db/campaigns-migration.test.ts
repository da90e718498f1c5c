import { describe, expect, it } from 'vitest'
import { migrateTo, migrateToLatest } from '../../db/migrate'
import { createSeededDatabase, databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('migration 0017 (campaigns) on %s', (kind) => {
  it('copies stored attribution into the utm columns and keeps the landing views counted before it', async () => {
    const database = await createSeededDatabase(kind)
    const db = database.db as any
    try {
      // Back to before 0017 (later migrations go down first), then up again.
      const down = await migrateTo(db, '0016-email-visits')
      expect(down.error).toBeUndefined()
      expect(down.results?.at(-1)?.migrationName).toBe('0017-campaigns')

      const lead = (id: string, attribution: string | null) => ({ id, source: 'callback', company: '示例', contact_name: '韩梅梅', mobile: '13900000000', lang: 'zh', status: 'new', created_at: '2026-11-01T02:00:00.000Z', attribution_json: attribution })
      await db.insertInto('leads').values([lead('lead-ad', JSON.stringify({ utm_source: 'baidu', utm_campaign: 'lujiazui', utm_term: '写字楼宽带' })), lead('lead-none', null), lead('lead-gclid', JSON.stringify({ gclid: 'x' }))]).execute()
      await db.insertInto('landing_views').values({ day: '2026-11-01', path: '/bundles/evergreen', utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'lujiazui', views: 7 }).execute()

      expect(await migrateToLatest(db)).toEqual(['0017-campaigns', '0018-catalog-drafts-releases', '0019-unlogged-rate-limits', '0020-booked-installs-index', '0021-order-write-indexes', '0022-order-search-backlog', '0023-quote-json-lz4'])
      const leads = await db.selectFrom('leads').select(['id', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term']).where('id', 'like', 'lead-%').orderBy('id').execute()
      expect(leads).toEqual([
        { id: 'lead-ad', utm_source: 'baidu', utm_medium: null, utm_campaign: 'lujiazui', utm_term: '写字楼宽带' },
        { id: 'lead-gclid', utm_source: null, utm_medium: null, utm_campaign: null, utm_term: null },
        { id: 'lead-none', utm_source: null, utm_medium: null, utm_campaign: null, utm_term: null },
      ])
      const views = await db.selectFrom('landing_views').selectAll().execute()
      expect(views.map((row: { views: unknown }) => ({ ...row, views: Number(row.views) }))).toEqual([
        { day: '2026-11-01', path: '/bundles/evergreen', utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'lujiazui', utm_term: '', views: 7 },
      ])
    } finally {
      await database.drop()
    }
  })
})
