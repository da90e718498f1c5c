import { describe, expect, it } from 'vitest'
import { insertRows } from '../../db/generate/batch-insert'
import { generatePlaces } from '../../db/generate/places'
import { seededRandom } from '../../db/generate/random'
import { tenantListCsv } from '../../db/generate/tenants'
import { importTenantsNow } from '../../server/console/tenant-import'
import { measureTenantImport } from '../bench/tenant-import'
import { createSeededDatabase, databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('a generated city-wide tenant list on %s', (kind) => {
  it('imports in batches, every row inserted, merged or refused; the same list again changes nothing', async () => {
    const database = await createSeededDatabase(kind)
    try {
      const random = seededRandom(5)
      const places = generatePlaces(random, { managers: 9, buildings: 60 })
      await insertRows(database.db, 'building_managers', places.managers)
      await insertRows(database.db, 'buildings', places.buildings)
      const bytes = new TextEncoder().encode(tenantListCsv(random, places.buildings.map((building) => building.id), 5_000))
      const services = { db: database.db, now: () => new Date('2026-11-20T02:00:00.000Z'), log: (error: unknown) => expect.fail(String(error)) }
      const upload = { bytes, fileName: 'city.csv', buildingId: null }

      const first = await importTenantsNow(services, upload)
      expect(first).toMatchObject({ status: 'done', rowsTotal: 5_000, rowsDone: 5_000, updated: 0, unchanged: 0 })
      expect(first.merged).toBeGreaterThan(0)
      expect(first.refused).toBeGreaterThan(0)
      expect(first.inserted + first.merged + first.refused).toBe(5_000)
      const counted = await database.db.selectFrom('buildings').select((eb) => eb.fn.sum<number>('tenant_companies').as('total')).executeTakeFirstOrThrow()
      expect(Number(counted.total)).toBe(first.inserted)
      const before = await database.db.selectFrom('tenants').selectAll().orderBy('id').execute()
      expect(before).toHaveLength(first.inserted)

      // Every row is merged into what the first import wrote, without a change.
      const second = await importTenantsNow({ ...services, now: () => new Date('2026-11-21T02:00:00.000Z') }, upload)
      expect(second).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: first.inserted, merged: first.merged, refused: first.refused })
      expect(await database.db.selectFrom('tenants').selectAll().orderBy('id').execute()).toEqual(before)
    } finally {
      await database.drop()
    }
  })

  it('is measured by the bench on a fresh city database', async () => {
    const result = await measureTenantImport(kind, { rows: 2_000 })
    expect(result).toMatchObject({ kind, rows: 2_000 })
    expect(result.inserted + result.merged + result.refused).toBe(2_000)
    expect(result.rowsPerSecond).toBeGreaterThan(0)
  })
})
