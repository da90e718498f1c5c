import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { migrationProvider } from '../../db/migrations'
import { inOneProcessAtATime } from '../../server/services/job-lock'
import { testPostgresUrl } from '../support/postgres-url'
import { adminQuery } from '../support/test-database'

/**
 * What server processes coordinate through PostgreSQL alone, each process played by a connection
 * pool of its own (as separate processes have): migrations at start-up and background job passes.
 */
describe('processes starting and working together on one PostgreSQL schema', () => {
  const schema = `scale_${process.pid}_${randomBytes(4).toString('hex')}`
  const handles: DatabaseHandle[] = []
  const processPool = () => {
    const handle = connectDatabase(testPostgresUrl, { schema })
    handles.push(handle)
    return handle
  }

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()))
    await adminQuery(`drop schema if exists ${schema} cascade`)
  })

  it('three processes migrating an empty schema at once: all succeed and each migration is applied once', async () => {
    await adminQuery(`create schema ${schema}`)
    const applied = await Promise.all([processPool(), processPool(), processPool()].map((handle) => migrateToLatest(handle.db)))
    const expected = Object.keys(await migrationProvider.getMigrations()).sort()
    // Between them they applied every migration exactly once; the others found them done.
    expect(applied.flat().sort()).toEqual(expected)
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handles[0].db)
    expect(rows.map((row) => row.name)).toEqual(expected)
  })

  it("a job's pass runs in one process at a time: the others skip it while it runs, and run the next one", async () => {
    const pools = [processPool(), processPool(), processPool()]
    let running = 0
    let most = 0
    const pass = async () => {
      running += 1
      most = Math.max(most, running)
      // Long enough that the other processes' ticks arrive while it runs.
      await new Promise((resolve) => setTimeout(resolve, 300))
      running -= 1
      return 'ran' as const
    }
    const outcomes = await Promise.all(pools.map((pool) => inOneProcessAtATime(pool.db, 'test-job', pass, 'skipped' as const)))
    expect(outcomes.sort()).toEqual(['ran', 'skipped', 'skipped'])
    expect(most).toBe(1)
    // The lock went with the pass: the next tick in any process runs.
    expect(await inOneProcessAtATime(pools[2].db, 'test-job', pass, 'skipped' as const)).toBe('ran')
    // Another job is not held up by this one.
    const [held, other] = await Promise.all([inOneProcessAtATime(pools[0].db, 'test-job', pass, 'skipped'), inOneProcessAtATime(pools[1].db, 'other-job', pass, 'skipped')])
    expect([held, other]).toEqual(['ran', 'ran'])
  })
})
