import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNginx, type RunningNginx } from '../support/nginx'
import { startServer, type RunningServer } from '../support/server-process'
import { createSharedPostgres, generousLimitEnv, givePortsToSpare, readyOrder, repeated, startSmtpSink, type SharedPostgres, type SmtpSink } from '../support/shared-postgres'

const ORDERS = 30
const CONNECTIONS = 8
/** The first process is killed once this many orders were acknowledged: mid-load. */
const KILL_AFTER = 10
/** Answers a client treats as "try again with the same Idempotency-Key": nginx lost the process, or it asked for a retry. */
const RETRYABLE = new Set([0, 409, 502, 503, 504])

/**
 * Two server processes behind the shipped nginx config on one PostgreSQL database, with real SMTP
 * delivery; one is killed (SIGKILL: no drain, no goodbye) while orders stream in. A customer whose
 * request was cut off sends it again with the same Idempotency-Key, as the checkout does.
 */
describe('a server process killed mid-load behind nginx (PostgreSQL)', () => {
  let shared: SharedPostgres
  let smtp: SmtpSink
  let servers: RunningServer[] = []
  let nginx: RunningNginx

  beforeAll(async () => {
    ;[shared, smtp] = await Promise.all([createSharedPostgres('kill'), startSmtpSink()])
    await givePortsToSpare(shared.database)
    const env = { DATABASE_URL: shared.url, NODE_ENV: 'test', SMTP_URL: smtp.url, INSTALL_CAPACITY_PER_HALF_DAY: '500', ...generousLimitEnv }
    servers = await Promise.all([startServer(env), startServer(env)])
    nginx = await startNginx(servers.map((server) => new URL(server.baseUrl).host))
  }, 90_000)

  afterAll(async () => {
    await nginx?.stop()
    // The killed process is gone already: only the survivor is stopped.
    await Promise.all(servers.filter((server) => server.process.exitCode === null && server.process.signalCode === null).map((server) => server.stop()))
    await smtp?.close()
    await shared?.drop()
  })

  it('loses no acknowledged order, doubles none, sends no mail twice, and the survivor keeps serving', async () => {
    const bodies: object[] = []
    for (let start = 0; start < ORDERS; start += 10) {
      bodies.push(...(await Promise.all(Array.from({ length: 10 }, (_, offset) => readyOrder(nginx.origin, shared.database, start + offset)))))
    }

    const loadStarted = Date.now()
    const acknowledged = new Map<string, string>()
    const unexpected: string[] = []
    let retries = 0
    let killed = false
    let next = 0
    const place = async (body: object) => {
      const key = crypto.randomUUID()
      for (let attempt = 0; attempt < 20; attempt++) {
        const response = await fetch(`${nginx.origin}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify(body),
        }).catch(() => undefined)
        const status = response?.status ?? 0
        const answer = response ? await response.text() : ''
        if (status === 201) {
          acknowledged.set(key, (JSON.parse(answer) as { id: string }).id)
          if (!killed && acknowledged.size >= KILL_AFTER) {
            killed = true
            servers[0].process.kill('SIGKILL')
          }
          return
        }
        if (!RETRYABLE.has(status)) return void unexpected.push(`${status} ${answer.slice(0, 300)}`)
        retries += 1
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      unexpected.push(`order ${key} still not placed after 20 attempts`)
    }
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < bodies.length) await place(bodies[next++])
      }),
    )

    expect(killed).toBe(true)
    expect(servers[0].process.signalCode).toBe('SIGKILL')
    expect(unexpected).toEqual([])
    expect(acknowledged.size).toBe(ORDERS)
    // Every acknowledged order is there once, and no quote was ordered twice: the retries found their first attempt.
    const quoteIds = bodies.map((body) => (body as { quoteId: string }).quoteId)
    const stored = await shared.database.db.selectFrom('orders').select(['id', 'quote_id']).where('quote_id', 'in', quoteIds).execute()
    expect(stored).toHaveLength(ORDERS)
    expect(new Set(stored.map((order) => order.quote_id)).size).toBe(ORDERS)
    expect(new Set(stored.map((order) => order.id))).toEqual(new Set(acknowledged.values()))
    console.log(`kill-one-process: ${ORDERS} orders acknowledged, ${retries} retried answers (the killed process's) in ${Date.now() - loadStarted} ms`)

    // The survivor serves through nginx.
    for (let index = 0; index < 5; index++) expect((await fetch(`${nginx.origin}/api/offerings`)).status).toBe(200)

    // Mail: the survivor delivers what is due; nothing arrives twice. (What the killed process had
    // claimed waits for its lease to expire; the same Message-ID then lets a provider drop a repeat.)
    const deadline = Date.now() + 45_000
    for (;;) {
      const due = await shared.database.db.selectFrom('outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', new Date().toISOString()).execute()
      if (due.length === 0) break
      if (Date.now() > deadline) throw new Error(`${due.length} mails still due after 45 s`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    console.log(`kill-one-process: ${smtp.received.length} mails received, outbox drained ${Date.now() - loadStarted} ms after the load began`)
    expect(smtp.received.length).toBeGreaterThanOrEqual(ORDERS)
    expect(repeated(smtp.received)).toEqual([])
    const messageId = (id: string) => `<${id}@example-telecom.cn>`
    const rows = await shared.database.db.selectFrom('outbox').select(['id', 'status']).execute()
    const received = new Set(smtp.received)
    // Every mail marked sent arrived; one that arrived and is not marked sent can only be the killed process's last.
    expect(rows.filter((row) => row.status === 'sent' && !received.has(messageId(row.id)))).toEqual([])
    const sendingOrSent = new Set(rows.filter((row) => row.status === 'sent' || row.status === 'sending').map((row) => messageId(row.id)))
    expect(smtp.received.filter((id) => !sendingOrSent.has(id))).toEqual([])
  }, 90_000)
})
