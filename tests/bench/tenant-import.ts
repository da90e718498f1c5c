import { performance } from 'node:perf_hooks'
import type { DatabaseKind } from '../../db/connect'
import { insertRows } from '../../db/generate/batch-insert'
import { cityScale } from '../../db/generate/generate'
import { generatePlaces } from '../../db/generate/places'
import { seededRandom } from '../../db/generate/random'
import { tenantListCsv } from '../../db/generate/tenants'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed'
import { importTenantsNow } from '../../server/console/tenant-import'
import { createEmptyDatabase } from '../support/test-database'

/** The operator's figure: more than 100,000 tenant companies in the city's office buildings. */
export const CITY_TENANTS = 100_000

export interface TenantImportThroughput {
  kind: DatabaseKind
  /** Data rows in the file. */
  rows: number
  /** Size of the CSV file. */
  bytes: number
  /** From the file's bytes to the last batch committed: reading, cleaning, merging and writing. */
  seconds: number
  rowsPerSecond: number
  inserted: number
  merged: number
  refused: number
}

export interface TenantImportOptions {
  /** Rows in the generated list; the operator's 100,000 tenants by default. */
  rows?: number
  seed?: number
}

/**
 * Imports a generated city-wide tenant list (CSV, 100,000 rows over the city's 1,600 buildings, with
 * the dirt real lists carry) into a fresh, migrated database of `kind` holding the seed and the
 * city's buildings, and measures the import itself: rows per second from the file's bytes to the
 * last batch committed. The database is dropped afterwards.
 */
export async function measureTenantImport(kind: DatabaseKind, options: TenantImportOptions = {}): Promise<TenantImportThroughput> {
  const rows = options.rows ?? CITY_TENANTS
  const random = seededRandom(options.seed ?? 12)
  const database = await createEmptyDatabase(kind)
  try {
    await migrateToLatest(database.db)
    await seedDatabase(database.db, { now: new Date() })
    const places = generatePlaces(random, { managers: cityScale.managers, buildings: cityScale.buildings })
    await database.db.transaction().execute(async (trx) => {
      await insertRows(trx, 'building_managers', places.managers)
      await insertRows(trx, 'buildings', places.buildings)
    })
    const file = new TextEncoder().encode(tenantListCsv(random, places.buildings.map((building) => building.id), rows))

    const errors: unknown[] = []
    const started = performance.now()
    const job = await importTenantsNow({ db: database.db, now: () => new Date(), log: (error) => errors.push(error) }, { bytes: file, fileName: 'city-tenants.csv', buildingId: null })
    const seconds = (performance.now() - started) / 1000
    if (job.status !== 'done') throw new Error(`the tenant import ${job.status}: ${job.failure ?? ''} ${errors.map(String).join('; ')}`)
    return { kind, rows: job.rowsTotal, bytes: file.byteLength, seconds, rowsPerSecond: job.rowsTotal / seconds, inserted: job.inserted, merged: job.merged, refused: job.refused }
  } finally {
    await database.drop()
  }
}
