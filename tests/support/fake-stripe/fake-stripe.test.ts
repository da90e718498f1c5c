import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFakeStripe, type FakeStripe } from './fake-stripe'
import { decodeStripeForm } from './form'

const webhookSecret = 'whsec_fake_test_secret'
const secretKey = 'sk_test_fake_key'

interface Received { body: string; signature: string }

let fake: FakeStripe
let stripe: Stripe
let receiver: Server
let received: Received[] = []
let webhookUrl = ''

const client = (key: string) =>
  new Stripe(key, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false })

const params = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams => ({
  mode: 'payment',
  currency: 'cny',
  allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
  payment_method_options: { wechat_pay: { client: 'web' } },
  line_items: [{ quantity: 1, price_data: { currency: 'cny', unit_amount: 399600, product_data: { name: 'Office Bundle & Co' } } }],
  metadata: { order_id: 'ord_1', order_number: 'SO-X' },
  client_reference_id: 'ord_1',
  success_url: 'http://shop.test/orders/SO-X?token=abc&session_id={CHECKOUT_SESSION_ID}',
  cancel_url: 'http://shop.test/orders/SO-X?token=abc',
  customer_email: 'buyer@example.com',
  ...overrides,
})

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise
  } catch (error) {
    return error as Stripe.errors.StripeError
  }
  throw new Error('expected a rejection')
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['stripe-signature']) })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`
  fake = await startFakeStripe({ webhookSecret, webhookUrl })
  stripe = client(secretKey)
})

afterAll(async () => {
  await fake?.close()
  receiver?.closeAllConnections()
  await new Promise((resolve) => receiver?.close(resolve))
})

beforeEach(() => {
  received = []
  fake.setWebhookUrl(webhookUrl)
})

describe('decodeStripeForm', () => {
  it('rebuilds nested objects and arrays from bracketed keys', () => {
    const body = 'mode=payment&line_items[0][price_data][unit_amount]=5&line_items[1][quantity]=2&metadata[0]=x' +
      '&metadata[note]=a%26b%3Dc%20%5Bd%5D&payment_method_types[0]=card&payment_method_types[1]=alipay&__proto__[x]=1'
    expect(decodeStripeForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { unit_amount: '5' } }, { quantity: '2' }],
      metadata: { 0: 'x', note: 'a&b=c [d]' },
      payment_method_types: ['card', 'alipay'],
    })
  })
})

describe('Checkout Sessions API through the real SDK', () => {
  it('creates a session with the computed amount, a hosted URL and round-tripped fields', async () => {
    const session = await stripe.checkout.sessions.create(
      params({ line_items: [...params().line_items!, { quantity: 2, price_data: { currency: 'cny', unit_amount: 100, product_data: { name: 'Extra' } } }] }),
      { idempotencyKey: 'create-1' },
    )
    expect(session.id).toMatch(/^cs_test_/)
    expect(session).toMatchObject({
      object: 'checkout.session',
      amount_total: 399800,
      currency: 'cny',
      metadata: { order_id: 'ord_1', order_number: 'SO-X' },
      client_reference_id: 'ord_1',
      customer_email: 'buyer@example.com',
      payment_status: 'unpaid',
      status: 'open',
      url: `${fake.origin}/pay/${session.id}`,
      success_url: 'http://shop.test/orders/SO-X?token=abc&session_id={CHECKOUT_SESSION_ID}',
      payment_method_types: ['card', 'alipay', 'wechat_pay'],
      allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
      livemode: false,
    })
    expect(session.expires_at - session.created).toBe(24 * 3600)
    const request = fake.requests.at(-1)!
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', idempotencyKey: 'create-1' })
    expect(request.body).toMatchObject({ line_items: [{ quantity: '1', price_data: { unit_amount: '399600' } }, { quantity: '2' }] })
  })

  it('replays the same session for the same idempotency key and rejects a reused key with other params', async () => {
    const first = await stripe.checkout.sessions.create(params(), { idempotencyKey: 'order-2' })
    const again = await stripe.checkout.sessions.create(params(), { idempotencyKey: 'order-2' })
    expect(again.id).toBe(first.id)
    const error = await rejection(stripe.checkout.sessions.create(params({ client_reference_id: 'other' }), { idempotencyKey: 'order-2' }))
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(error).toMatchObject({ type: 'StripeIdempotencyError', rawType: 'idempotency_error', statusCode: 400 })
  })

  it('answers GET /health without an API key (a readiness probe, not a Stripe route)', async () => {
    const response = await fetch(`${fake.origin}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('retrieves sessions and answers 404 resource_missing for unknown ids', async () => {
    const created = await stripe.checkout.sessions.create(params({ expires_at: Math.floor(Date.now() / 1000) + 3600 }))
    const session = await stripe.checkout.sessions.retrieve(created.id)
    expect(session).toMatchObject({ id: created.id, amount_total: 399600, status: 'open', expires_at: created.expires_at })
    const error = await rejection(stripe.checkout.sessions.retrieve('cs_test_missing'))
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' })
  })

  it('validates parameters like Stripe (400 invalid_request_error)', async () => {
    const noSuccess = await rejection(stripe.checkout.sessions.create(params({ success_url: undefined })))
    expect(noSuccess).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(noSuccess).toMatchObject({ statusCode: 400, param: 'success_url', code: 'parameter_missing' })
    const noClient = await rejection(stripe.checkout.sessions.create(params({ payment_method_options: {} })))
    expect(noClient).toMatchObject({ statusCode: 400, param: 'payment_method_options[wechat_pay][client]' })
    const tooSoon = await rejection(stripe.checkout.sessions.create(params({ expires_at: Math.floor(Date.now() / 1000) + 60 })))
    expect(tooSoon).toMatchObject({ statusCode: 400, param: 'expires_at' })
  })

  it('rejects payment_method_types from API version 2026-09-30.endive (the SDK v23 default) on', async () => {
    const legacy = { ...params({ allowed_payment_method_types: undefined }), payment_method_types: ['card', 'wechat_pay'] }
    const error = await rejection(stripe.checkout.sessions.create(legacy as Stripe.Checkout.SessionCreateParams))
    expect(error).toMatchObject({ statusCode: 400, param: 'payment_method_types', code: 'payment_method_types_no_longer_supported' })
    const older = await stripe.checkout.sessions.create(legacy as Stripe.Checkout.SessionCreateParams, { apiVersion: '2026-08-26.dahlia' })
    expect(older).toMatchObject({ payment_method_types: ['card', 'wechat_pay'], allowed_payment_method_types: null })
  })

  it('requires a Bearer sk_ key (401)', async () => {
    const response = await fetch(`${fake.origin}/v1/checkout/sessions`, { method: 'POST', body: 'mode=payment' })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } })
    const error = await rejection(client('pk_test_wrong').checkout.sessions.create(params()))
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    expect(error.statusCode).toBe(401)
  })

  it('simulates an API failure once with failNextCreate', async () => {
    fake.failNextCreate(500, 'Stripe is down')
    const error = await rejection(stripe.checkout.sessions.create(params(), { idempotencyKey: 'flaky' }))
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError)
    expect(error).toMatchObject({ statusCode: 500, message: 'Stripe is down' })
    expect((await stripe.checkout.sessions.create(params(), { idempotencyKey: 'flaky' })).id).toMatch(/^cs_test_/)
  })

  it('marks simulated failures Stripe-Should-Retry: false, so a retrying SDK (like the app\'s) surfaces them', async () => {
    const retrying = new Stripe(secretKey, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 2, telemetry: false })
    const before = fake.requests.length
    fake.failNextCreate(500)
    expect(await rejection(retrying.checkout.sessions.create(params()))).toBeInstanceOf(Stripe.errors.StripeAPIError)
    expect(fake.requests.length - before).toBe(1)
    fake.failNextCreate(503, 'busy', { shouldRetry: true })
    const session = await retrying.checkout.sessions.create(params())
    expect(fake.requests.length - before).toBe(3)
    expect(fake.requests.at(-1)!.idempotencyKey).toBe(fake.requests.at(-2)!.idempotencyKey)
    expect(session.id).toMatch(/^cs_test_/)
  })
})

describe('hosted payment page and webhooks', () => {
  it('shows the amount, redirects to success_url and delivers a verifiable checkout.session.completed', async () => {
    const session = await stripe.checkout.sessions.create(params())
    const page = await fetch(session.url!)
    const html = await page.text()
    expect(html).toContain('<title>Fake Stripe Checkout</title>')
    expect(html).toContain('¥3,996.00')
    expect(html).toContain('Office Bundle &amp; Co')
    expect(html).toContain('<button id="pay" type="submit">Pay</button>')

    const paid = await fetch(session.url!, { method: 'POST', redirect: 'manual' })
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toBe(`http://shop.test/orders/SO-X?token=abc&session_id=${session.id}`)
    expect(received).toHaveLength(1)
    const event = stripe.webhooks.constructEvent(received[0].body, received[0].signature, webhookSecret)
    expect(event.type).toBe('checkout.session.completed')
    expect(event.api_version).toBe(Stripe.API_VERSION)
    expect(event.data.object).toMatchObject({ id: session.id, payment_status: 'paid', status: 'complete', metadata: { order_id: 'ord_1' } })
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'complete', payment_status: 'paid' })
  })

  it('still redirects when the webhook cannot be delivered', async () => {
    const session = await stripe.checkout.sessions.create(params())
    fake.setWebhookUrl('http://127.0.0.1:1/nowhere')
    const paid = await fetch(session.url!, { method: 'POST', redirect: 'manual' })
    expect(paid.status).toBe(303)
    expect(fake.deliveries.at(-1)).toMatchObject({ status: 0, event: { type: 'checkout.session.completed' } })
  })

  it('simulates a delayed payment method (completed unpaid, then async_payment_succeeded)', async () => {
    const session = await stripe.checkout.sessions.create(params())
    await fetch(session.url!, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ async: '1' }) })
    const events = received.map((r) => stripe.webhooks.constructEvent(r.body, r.signature, webhookSecret))
    expect(events.map((e) => [e.type, (e.data.object as Stripe.Checkout.Session).payment_status])).toEqual([
      ['checkout.session.completed', 'unpaid'],
      ['checkout.session.async_payment_succeeded', 'paid'],
    ])
  })

  it('sends events with overrides and updates the stored session', async () => {
    const session = await stripe.checkout.sessions.create(params())
    const sent = await fake.sendEvent('checkout.session.expired', session.id, { eventId: 'evt_fixed', amount_total: 1 })
    expect(sent.status).toBe(200)
    expect(sent.event).toMatchObject({ id: 'evt_fixed', type: 'checkout.session.expired', data: { object: { status: 'expired', amount_total: 1 } } })
    expect(fake.sessions.get(session.id)).toMatchObject({ status: 'expired', amount_total: 399600, url: null })
    const unsent = await fake.sendEvent('checkout.session.completed', session.id, { send: false })
    expect(unsent.status).toBe(0)
    expect(received).toHaveLength(1)
    expect(stripe.webhooks.constructEvent(unsent.payload, unsent.signature, webhookSecret).id).toBe(unsent.event.id)
  })

  it('produces signatures that fail with another secret or an old timestamp', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' })
    expect(stripe.webhooks.constructEvent(payload, fake.sign(payload), webhookSecret).id).toBe('evt_1')
    const otherSecret = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' })
    expect(() => stripe.webhooks.constructEvent(payload, otherSecret, webhookSecret)).toThrow(Stripe.errors.StripeSignatureVerificationError)
    const old = fake.sign(payload, Math.floor(Date.now() / 1000) - 301)
    expect(() => stripe.webhooks.constructEvent(payload, old, webhookSecret)).toThrow(/tolerance/)
  })
})
