import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { request, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectDatabase, type DatabaseKind } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed'
import { testPostgresUrl } from '../support/postgres-url'
import { adminQuery, databaseKinds } from '../support/test-database'
import { startServer, type RunningServer } from '../support/server-process'

const METRICS_TOKEN = 'scrape-token-0123456789'

/** A seeded database the spawned servers reach by URL: a temp SQLite file, or a PostgreSQL database of its own. */
async function seededDatabaseUrl(kind: DatabaseKind): Promise<{ url: string; drop: () => Promise<void> }> {
  let url: string
  let drop: () => Promise<void>
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'storefront-production-'))
    url = `file:${join(dir, 'storefront.db')}`
    drop = async () => rmSync(dir, { recursive: true, force: true })
  } else {
    const name = `storefront_production_${randomBytes(4).toString('hex')}`
    await adminQuery(`create database ${name}`)
    const parsed = new URL(testPostgresUrl)
    parsed.pathname = `/${name}`
    url = parsed.toString()
    drop = () => adminQuery(`drop database if exists ${name} with (force)`)
  }
  const handle = connectDatabase(url)
  await migrateToLatest(handle.db)
  await seedDatabase(handle.db, { now: new Date() })
  await handle.close()
  return { url, drop }
}

/** The JSON lines the server wrote so far (start-up failures and other plain text left out). */
const logLines = (server: RunningServer): Record<string, unknown>[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe.each(databaseKinds)('the compiled production server on %s', (kind) => {
  let database: { url: string; drop: () => Promise<void> }
  let observed: RunningServer

  beforeAll(async () => {
    database = await seededDatabaseUrl(kind)
    observed = await startServer({ DATABASE_URL: database.url, NODE_ENV: 'test', METRICS: 'true', METRICS_TOKEN })
  }, 60_000)

  afterAll(async () => {
    await observed?.stop()
    await database?.drop()
  })

  it('answers the probes: alive, and ready with the database reachable and migrated', async () => {
    const health = await fetch(`${observed.baseUrl}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    const ready = await fetch(`${observed.baseUrl}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ok' })
  })

  it('keeps a sane incoming request id, replaces any other, and logs one JSON line per request by route pattern without the query', async () => {
    const kept = await fetch(`${observed.baseUrl}/api/offerings/evergreen?utm_source=secret-campaign&token=secret-token`, { headers: { 'X-Request-Id': 'proxy-id_42' } })
    expect(kept.status).toBe(200)
    expect(kept.headers.get('x-request-id')).toBe('proxy-id_42')
    const hostile = await fetch(`${observed.baseUrl}/api/offerings`, { headers: { 'X-Request-Id': 'x"} injected' } })
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const page = await fetch(`${observed.baseUrl}/bundles/evergreen?bd_vid=secret-click`)
    expect(page.status).toBe(200)
    const pageId = page.headers.get('x-request-id')
    expect(pageId).toMatch(/^[0-9a-f-]{36}$/)

    await waitFor(() => logLines(observed).some((line) => line.reqId === pageId), 'the page request in the log')
    const lines = logLines(observed)
    expect(lines.filter((line) => line.reqId === 'proxy-id_42')).toEqual([
      expect.objectContaining({ level: 'info', msg: 'request', method: 'GET', route: '/api/offerings/:slug', status: 200, ms: expect.any(Number) }),
    ])
    expect(lines.find((line) => line.reqId === pageId)).toMatchObject({ route: '(page)', status: 200 })
    expect(observed.output()).not.toContain('secret')
    expect(observed.output()).not.toContain('injected')
  })

  it('keeps idle connections open 65 s, longer than nginx keeps its own, and tells clients so', async () => {
    const response = await fetch(`${observed.baseUrl}/healthz`)
    await response.body?.cancel()
    // Node's default is 5 s; a client that keeps a connection longer sends on one the server is closing.
    expect(response.headers.get('keep-alive')).toBe('timeout=65')
  })

  it('serves Prometheus metrics to a scraper with the token only', async () => {
    await fetch(`${observed.baseUrl}/api/offerings/evergreen`)
    expect((await fetch(`${observed.baseUrl}/metrics`)).status).toBe(401)
    expect((await fetch(`${observed.baseUrl}/metrics`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401)
    const scrape = await fetch(`${observed.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(scrape.status).toBe(200)
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await scrape.text()
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/offerings\/:slug",status="200"\} \d+$/m)
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/offerings\/:slug"\} \d+$/m)
    expect(text).toMatch(/^outbox_pending_messages \d+$/m)
    expect(text).toMatch(/^outbox_oldest_pending_age_seconds [\d.e+-]+$/m)
    expect(text).toContain('# TYPE orders_by_status gauge')
    expect(text).toMatch(/^process_cpu_user_seconds_total /m)
  })

  // Last: it stops the server.
  it('on SIGTERM finishes the request in progress, then exits 0', async () => {
    const body = JSON.stringify({ offering: 'bb-express', options: { payment: 'prepay-12' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' } })
    const url = new URL('/api/quotes/preview', observed.baseUrl)
    const inFlight = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } })
    const answered = once(inFlight, 'response')
    // Headers and half the body now: the server is reading this request when the signal comes.
    inFlight.flushHeaders()
    inFlight.write(body.slice(0, 10))
    await once(inFlight, 'socket').then(([socket]) => once(socket, 'connect'))
    // The server accepts the connection and parses the headers in its next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const exited = once(observed.process, 'exit')
    observed.process.kill('SIGTERM')
    await waitFor(() => observed.output().includes('shutting down'), 'the shutdown to begin')
    inFlight.end(body.slice(10))
    const [response] = (await answered) as [IncomingMessage]
    let text = ''
    for await (const chunk of response) text += chunk
    expect(response.statusCode).toBe(200)
    expect(JSON.parse(text)).toMatchObject({ firstYearTotal: 399600 })
    const [code] = await exited
    expect(code).toBe(0)
    expect(observed.output()).toContain('"msg":"stopped"')
    // Access lines gather in memory (access-log.ts): the stop writes them out, the last answer's too.
    const lines = logLines(observed)
    const previewLine = lines.findIndex((line) => line.route === '/api/quotes/preview' && line.status === 200)
    expect(previewLine).toBeGreaterThanOrEqual(0)
    expect(previewLine).toBeLessThan(lines.findIndex((line) => line.msg === 'stopped'))
  })
})
