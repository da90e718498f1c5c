import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaffUser } from '../../server/console/staff-admin'
import type { Services } from '../../server/services/services'
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe/fake-stripe'
import { startServer, type RunningServer } from '../support/server-process'
import { createSharedPostgres, generousLimitEnv, givePortsToSpare, readyOrder, type SharedPostgres } from '../support/shared-postgres'
import { STAFF_PASSWORD } from '../support/staff'

const WEBHOOK_SECRET = 'whsec_test_scale'

/**
 * Two server processes on one PostgreSQL database, as WORKERS=2 or two machines run them: whatever
 * one process records, the other honours (sessions, rate limits, idempotency keys, Stripe events).
 */
describe('two server processes share one PostgreSQL database', () => {
  let shared: SharedPostgres
  let stripe: FakeStripe
  let first: RunningServer
  let second: RunningServer

  beforeAll(async () => {
    ;[shared, stripe] = await Promise.all([createSharedPostgres('scale'), startFakeStripe({ webhookSecret: WEBHOOK_SECRET })])
    await givePortsToSpare(shared.database)
    const services = { db: shared.database.db, now: () => new Date() } as Services
    await createStaffUser(services, { kind: 'cli', id: null }, { email: 'ops@scale.test', displayName: 'Ops', roles: ['ops'], password: STAFF_PASSWORD })
    const env = {
      DATABASE_URL: shared.url,
      NODE_ENV: 'test',
      ...generousLimitEnv,
      // The one limit under test keeps its production value: 5 codes an hour to one address.
      RATE_LIMIT_VERIFICATIONS_PER_EMAIL: '5/1h',
      STRIPE_SECRET_KEY: 'sk_test_scale',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: stripe.apiBase,
    }
    ;[first, second] = await Promise.all([startServer(env), startServer(env)])
  }, 90_000)

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()])
    await stripe?.close()
    await shared?.drop()
  })

  const send = (server: RunningServer, path: string, init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'content-type': 'application/json', origin: server.baseUrl, ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    })

  it('a console session opened on one process is valid on the other, and signing out on either ends it', async () => {
    const signIn = await send(first, '/api/console/session', { body: { email: 'ops@scale.test', password: STAFF_PASSWORD } })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
    const onSecond = await send(second, '/api/console/session', { cookie })
    expect(onSecond.status).toBe(200)
    expect(await onSecond.json()).toMatchObject({ user: { email: 'ops@scale.test' } })
    expect((await send(second, '/api/console/session', { method: 'DELETE', cookie })).status).toBeLessThan(300)
    expect((await send(first, '/api/console/session', { cookie })).status).toBe(401)
  })

  it('a rate limit counts requests to both processes together', async () => {
    const email = 'limited@example.com'
    // 8 codes asked for the same address, alternating processes: the limit is 5 an hour in all.
    const statuses: number[] = []
    for (let index = 0; index < 8; index++) statuses.push((await send(index % 2 === 0 ? first : second, '/api/verifications', { body: { email } })).status)
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429])
  })

  it('one order for an Idempotency-Key sent to both processes at once', async () => {
    const body = await readyOrder(first.baseUrl, shared.database, 1)
    const key = crypto.randomUUID()
    const answers = await Promise.all(
      Array.from({ length: 6 }, async (_, index) => {
        const response = await send(index % 2 === 0 ? first : second, '/api/orders', { body, headers: { 'Idempotency-Key': key } })
        return { status: response.status, body: (await response.json()) as { id?: string } }
      }),
    )
    const placed = answers.filter((answer) => answer.status === 201)
    expect(placed.length, JSON.stringify(answers)).toBeGreaterThan(0)
    // Every acknowledgement names the same order; a request that met the first still in progress may be asked to retry.
    expect(new Set(placed.map((answer) => answer.body.id)).size).toBe(1)
    for (const answer of answers) expect([201, 409]).toContain(answer.status)
    const orders = await shared.database.db.selectFrom('orders').select('id').where('quote_id', '=', (body as { quoteId: string }).quoteId).execute()
    expect(orders).toEqual([{ id: placed[0].body.id }])
  })

  it('a Stripe event delivered to both processes takes effect once', async () => {
    const ready = (await readyOrder(first.baseUrl, shared.database, 2)) as Record<string, unknown>
    const ordered = await send(first, '/api/orders', { body: { ...ready, payment: { method: 'online' } }, headers: { 'Idempotency-Key': crypto.randomUUID() } })
    expect(ordered.status).toBe(201)
    const order = (await ordered.json()) as { id: string; payment: { url: string } }
    const link = new URL(order.payment.url)
    const checkout = await fetch(`${second.baseUrl}${link.pathname}${link.search}`, { redirect: 'manual' })
    expect(checkout.status).toBe(303)
    const sessionId = new URL(checkout.headers.get('location')!).pathname.split('/').at(-1)!
    const { payload, signature } = await stripe.sendEvent('checkout.session.completed', sessionId, { payment_status: 'paid', send: false })
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, async (_, index) => {
        const response = await send(index % 2 === 0 ? first : second, '/api/webhooks/stripe', { body: payload, headers: { 'Stripe-Signature': signature } })
        expect(response.status).toBe(200)
        return ((await response.json()) as { outcome: string }).outcome
      }),
    )
    expect(outcomes.sort()).toEqual(['confirmed', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
    const events = await shared.database.db.selectFrom('stripe_events').select('id').where('order_id', '=', order.id).execute()
    expect(events).toHaveLength(1)
    const confirmations = await shared.database.db.selectFrom('outbox').select('id').where('kind', '=', 'payment_received').where('payload_json', 'like', `%${order.id}%`).execute()
    expect(confirmations.length).toBeLessThanOrEqual(1)
  })
})
