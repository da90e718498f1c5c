import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate'
import { seedPriceBook } from '../../db/seed/seed'
import { createEmptyDatabase, databaseKinds, type TestDatabase } from '../support/test-database'

const run = promisify(execFile)

describe.each(databaseKinds)('two processes creating catalog versions at once, on %s', (kind) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createEmptyDatabase(kind)
    await migrateToLatest(database.db)
  })
  afterAll(async () => {
    await database?.drop()
  })

  /** Runs a second process saving the seed with bb-100 at each of these prices; the version ids it made. */
  async function saveInProcess(prices: number[]): Promise<string[]> {
    const env = { ...process.env, DATABASE_URL: database.location.url, SCHEMA: database.location.schema ?? '' }
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/db/support/save-versions.ts', ...prices.map(String)], { env })
    return JSON.parse(stdout)
  }

  it('gives every version its own sequence number, none lost, and stores the same book once', async () => {
    const evens = Array.from({ length: 8 }, (_, index) => 60000 + 2 * index)
    const odds = evens.map((price) => price + 1)
    // Both also save one book in common, at the same moment.
    const [a, b] = await Promise.all([saveInProcess([...evens, 99900]), saveInProcess([...odds, 99900])])
    expect(a.at(-1)).toBe(b.at(-1))
    const ids = new Set([...a, ...b])
    expect(ids.size).toBe(17)
    const rows = await database.db.selectFrom('catalog_versions').select(['id', 'sequence']).orderBy('sequence').execute()
    expect(rows.map((row) => row.sequence)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1))
    expect(new Set(rows.map((row) => row.id))).toEqual(ids)
    // Each version is whole: its components were written with it.
    const components = await database.db.selectFrom('catalog_components').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
    expect(Number(components.count)).toBe(17 * seedPriceBook.components.length)
  }, 60_000)
})
