import { describe, expect, it } from 'vitest'
import { migrateTo, migrateToLatest } from '../../db/migrate'
import { seedPriceBook } from '../../db/seed/seed'
import { saveCatalogVersion } from '../../server/repositories/catalog-repository'
import { listReleases } from '../../server/repositories/catalog-releases-repository'
import { pricedBook } from './support/priced-book'
import { createSeededDatabase, databaseKinds, SEED_TIME } from '../support/test-database'

describe.each(databaseKinds)('migration 0018 (catalog drafts and releases) on %s', (kind) => {
  it('makes the latest catalog version of a database from before it the one release, live since it was made', async () => {
    const database = await createSeededDatabase(kind)
    const db = database.db as any
    try {
      expect((await migrateTo(db, '0017-campaigns')).error).toBeUndefined()
      // Before 0018 the newest version by sequence was the current one.
      const later = new Date(SEED_TIME.getTime() + 3_600_000)
      const latest = await saveCatalogVersion(database.db, pricedBook(seedPriceBook, 64000), later)

      expect(await migrateToLatest(db)).toEqual(['0018-catalog-drafts-releases', '0019-unlogged-rate-limits', '0020-booked-installs-index', '0021-order-write-indexes', '0022-order-search-backlog', '0023-quote-json-lz4'])
      const releases = await listReleases(database.db)
      expect(releases).toEqual([expect.objectContaining({ catalogVersion: latest, publishAt: later.toISOString(), validUntil: null, districts: null, buildingIds: null, draftId: null })])
    } finally {
      await database.drop()
    }
  })
})
