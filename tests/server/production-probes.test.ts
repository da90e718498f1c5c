import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { connectDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { operationsRoutes } from '../../server/observability/operations-routes'
import { createReadinessCheck } from '../../server/observability/readiness'
import { createEmptyDatabase, databaseKinds, type TestDatabase } from '../support/test-database'

describe.each(databaseKinds)('readiness and the metrics switch on %s', (kind) => {
  let database: TestDatabase
  afterEach(async () => {
    await database?.drop()
  })

  const readyz = async (routes: ReturnType<typeof operationsRoutes>) => {
    const response = await routes.request('/readyz')
    return { status: response.status, body: await response.json() }
  }

  it('is ready once migrated, not while a migration is missing, and not once shutting down', async () => {
    database = await createEmptyDatabase(kind)
    const readiness = createReadinessCheck(database.db)
    const routes = operationsRoutes({ readiness })
    expect(await readyz(routes)).toEqual({ status: 503, body: { status: 'unavailable', reason: expect.stringMatching(/^migrations not applied: 0001-/) } })

    await migrateToLatest(database.db)
    expect(await readyz(routes)).toEqual({ status: 200, body: { status: 'ok' } })

    await sql`delete from kysely_migration where name = '0018-catalog-drafts-releases'`.execute(database.db)
    expect(await readyz(routes)).toEqual({ status: 503, body: { status: 'unavailable', reason: 'migrations not applied: 0018-catalog-drafts-releases' } })

    readiness.markShuttingDown()
    expect(await readyz(routes)).toEqual({ status: 503, body: { status: 'unavailable', reason: 'shutting down' } })
    // Alive all the same: the process is finishing its work, not broken.
    expect((await routes.request('/healthz')).status).toBe(200)
  })

  it('is not ready when the database does not answer', async () => {
    database = await createEmptyDatabase(kind)
    await migrateToLatest(database.db)
    // A second handle on the same database, its connection then closed under Kysely.
    const gone = connectDatabase(database.location.url, { schema: database.location.schema })
    if (gone.driver.kind === 'sqlite') gone.driver.sqlite.close()
    else await gone.driver.pool.end()
    const { status, body } = await readyz(operationsRoutes({ readiness: createReadinessCheck(gone.db) }))
    expect(status).toBe(503)
    expect(body.reason).toMatch(/^database unreachable: /)
  })

  it('has no /metrics unless METRICS is on', async () => {
    database = await createEmptyDatabase(kind)
    const routes = operationsRoutes({ readiness: createReadinessCheck(database.db) })
    expect((await routes.request('/metrics')).status).toBe(404)
  })
})
