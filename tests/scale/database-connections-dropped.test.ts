import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../support/server-process'
import { createSharedPostgres, generousLimitEnv, type SharedPostgres } from '../support/shared-postgres'

const QUOTE = JSON.stringify({ offering: 'bb-express', options: { payment: 'monthly' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' } })

/**
 * PostgreSQL drops the app's connections (a restart, a failover, an operator's pg_terminate_backend)
 * while requests are being served: those requests answer 503 database_unavailable, never a 500 or a
 * hang; the process lives on and serves again by itself once new connections are made.
 */
describe('the database drops the server’s connections mid-load (PostgreSQL)', () => {
  let shared: SharedPostgres
  let server: RunningServer
  let databaseName: string

  beforeAll(async () => {
    shared = await createSharedPostgres('dropped')
    databaseName = new URL(shared.url).pathname.slice(1)
    server = await startServer({ DATABASE_URL: shared.url, NODE_ENV: 'test', ...generousLimitEnv })
  }, 60_000)

  afterAll(async () => {
    await server?.stop()
    await shared?.drop()
  })

  /** Ends every connection to the test database except `spare` (and the one asking). */
  async function terminateAppConnections(spare: number[] = []): Promise<number> {
    const admin = new pg.Client({ connectionString: shared.url })
    await admin.connect()
    try {
      const { rows } = await admin.query(
        'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and not (pid = any($2::int[]))',
        [databaseName, spare],
      )
      return rows.length
    } finally {
      await admin.end()
    }
  }

  const storeQuote = () => fetch(`${server.baseUrl}/api/quotes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUOTE })

  it('a request whose connection is terminated answers 503 database_unavailable with Retry-After', async () => {
    // Hold the quotes table so the request is surely in the middle of its statement when its connection goes.
    const holder = new pg.Client({ connectionString: shared.url })
    await holder.connect()
    try {
      await holder.query('begin')
      await holder.query('lock table quotes in exclusive mode')
      const pending = storeQuote()
      for (let waited = 0; ; waited += 50) {
        // Inside a transaction pg_stat_activity is a snapshot taken once: clear it to see the request arrive.
        await holder.query('select pg_stat_clear_snapshot()')
        const { rows } = await holder.query("select count(*)::int as waiting from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'", [databaseName])
        if (rows[0].waiting > 0) break
        if (waited > 10_000) throw new Error('the request never reached the locked table')
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const { rows } = await holder.query('select pg_backend_pid() as pid')
      expect(await terminateAppConnections([rows[0].pid])).toBeGreaterThan(0)
      const response = await pending
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('2')
      expect(await response.json()).toMatchObject({ error: { code: 'database_unavailable' } })
    } finally {
      await holder.query('rollback').catch(() => undefined)
      await holder.end()
    }
    // No restart: the next request gets a new connection.
    expect((await storeQuote()).status).toBe(201)
    expect(server.process.exitCode).toBeNull()
  })

  it('under load, connections terminated again and again: every answer is 201 or 503, and then all are 201', async () => {
    const statuses = new Map<number, number>()
    let loading = true
    const load = Array.from({ length: 8 }, async () => {
      while (loading) {
        const status = await storeQuote().then(
          async (response) => (await response.arrayBuffer(), response.status),
          () => 0,
        )
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    })
    let terminated = 0
    for (let round = 0; round < 10; round++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      terminated += await terminateAppConnections()
    }
    loading = false
    await Promise.all(load)
    console.log(`connections dropped: ${terminated} terminated in 10 rounds; answers ${JSON.stringify(Object.fromEntries(statuses))}`)
    if (statuses.has(0)) console.log(server.output().slice(-3000))
    expect(terminated).toBeGreaterThan(0)
    expect([...statuses.keys()].filter((status) => status !== 201 && status !== 503)).toEqual([])
    expect(statuses.get(201)).toBeGreaterThan(0)

    // Recovered without a restart: the same process answers every request again.
    const after = await Promise.all(Array.from({ length: 20 }, async () => (await storeQuote()).status))
    expect(after).toEqual(Array(20).fill(201))
    expect((await fetch(`${server.baseUrl}/api/offerings`)).status).toBe(200)
    expect(server.process.exitCode).toBeNull()
  })
})
