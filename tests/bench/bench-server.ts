import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import pg from 'pg'
import { connectDatabase, type DatabaseHandle, type DatabaseKind } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed'
import { createApi } from '../../server/app'
import { defaultSessionPolicy } from '../../server/console/session-policy'
import { defaultOperator } from '../../server/domain/operator'
import { createLandingPageCache } from '../../server/landing/landing-page-cache'
import { createLandingViewCounter } from '../../server/landing/landing-view-counter'
import { defaultOrderPolicy } from '../../server/domain/order-policy'
import { createCatalogStore } from '../../server/services/catalog-store'
import { createRateLimits } from '../../server/services/rate-limits'
import { generousLimits } from '../support/generous-limits'
import type { Services } from '../../server/services/services'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

export const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export const HELLO_PATH = '/bench/hello'

export interface BenchServer {
  kind: DatabaseKind
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string
  /** The server's database, to prepare data for a load run. */
  db: Kysely<Database>
  /** What the API runs with, to act as it would (e.g. open a staff session). */
  services: Services
  /** Resolves once no request is being handled (a load run's last requests may still be in flight). */
  idle: () => Promise<void>
  /** Waits for in-flight requests, stops the server, closes the database and removes it (temp file or schema). */
  close: () => Promise<void>
}

interface BenchDatabase extends DatabaseHandle {
  drop: () => Promise<void>
}

export interface BenchServerOptions {
  /** Fills the freshly migrated database; by default the demo seed. */
  prepare?: (db: Kysely<Database>) => Promise<void>
  /** The server's clock; by default the real one. */
  now?: () => Date
}

/**
 * The API on a freshly migrated and prepared database, plus a bare Hono hello route as the
 * baseline, in one Node server listening on an ephemeral port of 127.0.0.1.
 */
export async function startBenchServer(kind: DatabaseKind, options: BenchServerOptions = {}): Promise<BenchServer> {
  const database = kind === 'sqlite' ? createSqliteDatabase() : await createPostgresDatabase()
  const prepare = options.prepare ?? (async (db) => void (await seedDatabase(db, { now: new Date() })))
  try {
    await migrateToLatest(database.db)
    await prepare(database.db)
  } catch (error) {
    await database.drop()
    throw error
  }

  const now = options.now ?? (() => new Date())
  const services: Services = {
    db: database.db,
    catalogs: createCatalogStore(database.db, now),
    now,
    siteUrl: 'http://127.0.0.1',
    log: console.error,
    stripe: null,
    orderPolicy: defaultOrderPolicy,
    // The load generator is one client: the benchmark measures the API, not its limits.
    limits: createRateLimits(database.driver, generousLimits, { sweepExpired: false }),
    trustProxy: false,
    sessionPolicy: defaultSessionPolicy,
    operator: defaultOperator,
    landingPages: createLandingPageCache(),
    landingViews: createLandingViewCounter(database.db, console.error),
  }
  const inFlight = trackInFlight()
  const app = new Hono()
  app.get(HELLO_PATH, (c) => c.text('ok'))
  app.route('/', createApi(services))

  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    // Counted outside the app, so the hello route stays a bare Hono handler.
    const fetch: typeof app.fetch = (request, env, executionCtx) => inFlight.track(() => app.fetch(request, env, executionCtx))
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => {
      resolve({ server, port: (server.address() as AddressInfo).port })
    })
  })

  return {
    kind,
    origin: `http://127.0.0.1:${port}`,
    db: database.db,
    services,
    idle: inFlight.idle,
    close: async () => {
      try {
        const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
        await inFlight.idle()
        if ('closeAllConnections' in server) server.closeAllConnections()
        await closed
      } finally {
        await database.drop()
      }
    },
  }
}

/** Counts requests being handled, so the database is closed only once the last one is answered. */
function trackInFlight() {
  let count = 0
  let waiters: (() => void)[] = []
  const track = async (handle: () => Response | Promise<Response>): Promise<Response> => {
    count++
    try {
      return await handle()
    } finally {
      count--
      if (count === 0) {
        for (const wake of waiters) wake()
        waiters = []
      }
    }
  }
  const idle = () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)))
  return { track, idle }
}

/** Whether the PostgreSQL server answers; the reason when it does not. */
export async function probePostgres(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await adminQuery('select 1')
    return { ok: true }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message || error.name : String(error) }
  }
}

function createSqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'storefront-bench-'))
  const handle = connectDatabase(`file:${join(dir, 'bench.sqlite')}`)
  return { ...handle, drop: async () => (await handle.close(), rmSync(dir, { recursive: true, force: true })) }
}

async function createPostgresDatabase(): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(6).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  const handle = connectDatabase(postgresUrl, { schema })
  return { ...handle, drop: async () => (await handle.close(), await adminQuery(`drop schema ${schema} cascade`)) }
}

export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
