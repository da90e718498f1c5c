import { describe, expect, it } from 'vitest'
import { readPaymentFlag } from '../../server/domain/order-history'
import { findOrderByNumber } from '../../server/repositories/orders-repository'
import { confirmFromSession } from '../../server/services/payment-service'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { useStripeApi } from '../support/stripe-api'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('online payment through Stripe on %s', (kind) => {
  const context = useStripeApi(kind)
  const db = () => context.database.db

  /** An online order taken to Stripe's hosted page: its number, token and checkout session id. */
  async function orderAtCheckout(buildingId = 'bld-jinmao-tower') {
    const quote = await createQuote(context.api)
    const response = await postOrder(context.api, orderBody(quote.id, { payment: { method: 'online' }, installSlot: context.firstSlot, site: { buildingId, floor: '8', unit: '801' } }))
    expect(response.status).toBe(201)
    const order = await response.json()
    expect(order).toMatchObject({ status: 'awaiting_payment', payment: { method: 'online', amountDue: 30000, url: expect.stringContaining(`/api/orders/${order.number}/checkout?token=`) } })
    const checkout = await context.api.request(new URL(order.payment.url).pathname + new URL(order.payment.url).search)
    expect(checkout.status).toBe(303)
    const sessionId = new URL(checkout.headers.get('location')!).pathname.split('/').at(-1)!
    return { ...order, sessionId }
  }

  const deliver = (payload: string, signature: string) =>
    context.api.request('/api/webhooks/stripe', { method: 'POST', headers: { 'content-type': 'application/json', 'Stripe-Signature': signature }, body: payload })

  async function event(type: Parameters<typeof context.stripe.sendEvent>[0], sessionId: string, overrides: Parameters<typeof context.stripe.sendEvent>[2] = {}) {
    const built = await context.stripe.sendEvent(type, sessionId, { ...overrides, send: false })
    return { payload: built.payload, signature: built.signature }
  }

  const statusOf = async (number: string) => (await findOrderByNumber(db(), number))!.status
  const freeFibre = async (id: string) => (await db().selectFrom('buildings').select('free_fibre_ports').where('id', '=', id).executeTakeFirstOrThrow()).free_fibre_ports

  it('sends the customer to a Checkout Session in CNY for the amount due, with the order in its metadata', async () => {
    const order = await orderAtCheckout()
    const session = context.stripe.sessions.get(order.sessionId)!
    expect(session).toMatchObject({ amount_total: 30000, currency: 'cny', metadata: { order_id: order.id, order_number: order.number } })
    const created = context.stripe.requests.find((request) => request.path === '/v1/checkout/sessions' && request.method === 'POST' && (request.body.metadata as { order_id?: string })?.order_id === order.id)!
    expect(created.idempotencyKey).toBe(`checkout:${order.id}:first`)
    // The payment link again: the same open session, not a second one.
    const again = await context.api.request(new URL(order.payment.url).pathname + new URL(order.payment.url).search)
    expect(again.headers.get('location')).toContain(order.sessionId)
  })

  it('confirms a paid checkout from the signed webhook, opens the work and tells the customer', async () => {
    const order = await orderAtCheckout()
    const { payload, signature } = await event('checkout.session.completed', order.sessionId, { payment_status: 'paid' })
    const response = await deliver(payload, signature)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true, outcome: 'confirmed' })
    expect(await statusOf(order.number)).toBe('paid')
    expect(await db().selectFrom('work_orders').select('status').where('order_id', '=', order.id).execute()).toEqual([{ status: 'open' }])
    expect(await db().selectFrom('outbox').select('kind').where('kind', '=', 'payment_received').where('payload_json', 'like', `%${order.number}%`).execute()).toHaveLength(1)
  })

  it('refuses a bad or stale signature with 400 and changes nothing', async () => {
    const order = await orderAtCheckout()
    const { payload, signature } = await event('checkout.session.completed', order.sessionId, { payment_status: 'paid' })
    const tampered = signature.replace(/v1=(\w)/, (_, digit: string) => `v1=${digit === '0' ? '1' : '0'}`)
    expect(tampered).not.toBe(signature)
    expect((await deliver(payload, tampered)).status).toBe(400)
    expect((await deliver(payload.replace('"paid"', '"paid" '), signature)).status).toBe(400)
    expect((await deliver(payload, '')).status).toBe(400)
    const stale = context.stripe.sign(payload, Math.floor(Date.now() / 1000) - 301)
    const refused = await deliver(payload, stale)
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.code).toBe('invalid_request')
    expect(await statusOf(order.number)).toBe('awaiting_payment')
    expect(await db().selectFrom('stripe_events').select('id').where('order_id', '=', order.id).execute()).toEqual([])
  })

  it('processes an event delivered five times at once exactly once', async () => {
    const order = await orderAtCheckout()
    const { payload, signature } = await event('checkout.session.completed', order.sessionId, { payment_status: 'paid' })
    const answers = await Promise.all(Array.from({ length: 5 }, async () => (await deliver(payload, signature)).json()))
    expect(answers.map((answer) => answer.outcome).sort()).toEqual(['confirmed', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
    const events = await db().selectFrom('order_events').select('status').where('order_id', '=', order.id).execute()
    expect(events.filter((entry) => entry.status === 'paid')).toHaveLength(1)
    expect(await db().selectFrom('outbox').select('id').where('kind', '=', 'payment_received').where('payload_json', 'like', `%${order.number}%`).execute()).toHaveLength(1)
  })

  it('ignores an expiry that arrives after the payment, and flags a payment that arrives after an expiry', async () => {
    const paidFirst = await orderAtCheckout()
    const paid = await event('checkout.session.completed', paidFirst.sessionId, { payment_status: 'paid' })
    const expired = await event('checkout.session.expired', paidFirst.sessionId)
    expect((await (await deliver(paid.payload, paid.signature)).json()).outcome).toBe('confirmed')
    expect((await (await deliver(expired.payload, expired.signature)).json()).outcome).toBe('already_settled')
    expect(await statusOf(paidFirst.number)).toBe('paid')

    const expiredFirst = await orderAtCheckout()
    const before = await freeFibre('bld-jinmao-tower')
    const lapse = await event('checkout.session.expired', expiredFirst.sessionId)
    const late = await event('checkout.session.completed', expiredFirst.sessionId, { payment_status: 'paid' })
    expect((await (await deliver(lapse.payload, lapse.signature)).json()).outcome).toBe('released')
    expect(await freeFibre('bld-jinmao-tower')).toBe(before + 1)
    expect((await (await deliver(late.payload, late.signature)).json()).outcome).toBe('flagged')
    const row = (await findOrderByNumber(db(), expiredFirst.number))!
    expect(row.status).toBe('cancelled')
    expect(readPaymentFlag(row.flagged_reason)).toEqual({ kind: 'paid_after_cancellation', session: expiredFirst.sessionId })
  })

  it.each([
    ['a different amount', { amount_total: 100 }],
    ['a different currency', { currency: 'usd' }],
    ['another order', { metadata: { order_id: 'someone-else' } }],
  ])('never confirms a payment with %s', async (_name, overrides) => {
    const order = await orderAtCheckout()
    const { payload, signature } = await event('checkout.session.completed', order.sessionId, { payment_status: 'paid', ...overrides })
    const outcome = (await (await deliver(payload, signature)).json()).outcome
    expect(['flagged', 'unknown_order']).toContain(outcome)
    expect(await statusOf(order.number)).toBe('awaiting_payment')
    if (outcome === 'flagged') {
      expect(readPaymentFlag((await findOrderByNumber(db(), order.number))!.flagged_reason)).toMatchObject({ kind: expect.stringMatching(/^(amount_mismatch|foreign_session)$/) })
      expect(await db().selectFrom('outbox').select('recipient').where('kind', '=', 'ops_payment_flagged').where('payload_json', 'like', `%${order.number}%`).execute()).toEqual([{ recipient: 'operations@example-telecom.cn' }])
    }
  })

  it('waits for a bank-based payment to succeed, and releases the ports when it fails', async () => {
    const succeeds = await orderAtCheckout()
    const pending = await event('checkout.session.completed', succeeds.sessionId, { payment_status: 'unpaid' })
    expect((await (await deliver(pending.payload, pending.signature)).json()).outcome).toBe('ignored')
    expect(await statusOf(succeeds.number)).toBe('awaiting_payment')
    const success = await event('checkout.session.async_payment_succeeded', succeeds.sessionId, { payment_status: 'paid' })
    expect((await (await deliver(success.payload, success.signature)).json()).outcome).toBe('confirmed')

    const fails = await orderAtCheckout()
    const before = await freeFibre('bld-jinmao-tower')
    const failure = await event('checkout.session.async_payment_failed', fails.sessionId)
    expect((await (await deliver(failure.payload, failure.signature)).json()).outcome).toBe('released')
    expect(await statusOf(fails.number)).toBe('cancelled')
    expect(await freeFibre('bld-jinmao-tower')).toBe(before + 1)
  })

  it('confirms once when the success page and the webhook both report the payment', async () => {
    const order = await orderAtCheckout()
    context.stripe.sessions.get(order.sessionId)!.payment_status = 'paid'
    await confirmFromSession(context.api.services, (await findOrderByNumber(db(), order.number))!, order.sessionId)
    expect(await statusOf(order.number)).toBe('paid')
    const { payload, signature } = await event('checkout.session.completed', order.sessionId, { payment_status: 'paid' })
    expect((await (await deliver(payload, signature)).json()).outcome).toBe('already_settled')
    const events = await db().selectFrom('order_events').select('status').where('order_id', '=', order.id).execute()
    expect(events.map((entry) => entry.status)).toEqual(['awaiting_payment', 'paid'])
  })

  it('never logged an unexpected error', () => {
    expect(context.api.errors).toEqual([])
  })
})
