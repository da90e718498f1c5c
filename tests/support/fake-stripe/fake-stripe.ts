/**
 * An offline Stripe for tests and local runs: the Checkout Session API the app calls (`/v1`), a hosted
 * payment page (`/pay/<id>`), and signed webhook events sent back to the app.
 * The parts: checkout-api (`/v1`), session-create (its validation), webhook-events, pay-page.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiError } from './api-error'
import { createCheckoutApi } from './checkout-api'
import { sendJson } from './http'
import { createPayPage } from './pay-page'
import type { FakeLineItem, FakeSession, FakeStripe, FakeStripeOptions } from './types'
import { createWebhookSender } from './webhook-events'

export type {
  EventOverrides,
  FakeEvent,
  FakeEventType,
  FakeLineItem,
  FakeRequest,
  FakeSession,
  FakeStripe,
  FakeStripeOptions,
  SentEvent,
} from './types'

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>()
  const lineItems = new Map<string, FakeLineItem[]>()
  let origin = ''
  const api = createCheckoutApi({ sessions, lineItems, secretKey: options.secretKey, origin: () => origin })
  const webhooks = createWebhookSender({ sessions, webhookSecret: options.webhookSecret, webhookUrl: options.webhookUrl })
  const handlePay = createPayPage({ sessions, lineItems, webhooks })

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-stripe.invalid')
    // Readiness probe for process supervisors (Playwright's webServer waits on it); not a Stripe route.
    if (req.method === 'GET' && url.pathname === '/health') return void sendJson(res, 200, { ok: true })
    const pay = /^\/pay\/([^/]+)$/.exec(url.pathname)
    const work = pay
      ? handlePay(req, res, decodeURIComponent(pay[1]), url.searchParams)
      : api.handle(req, url.pathname, url.searchParams).then(({ status, body, headers }) => sendJson(res, status, body, headers))
    work.catch((error: unknown) => {
      if (res.headersSent) return void res.end()
      if (error instanceof ApiError) return sendJson(res, error.status, { error: error.error }, error.headers)
      sendJson(res, 500, { error: { type: 'api_error', message: String(error) } })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`

  return {
    port,
    origin,
    apiBase: origin,
    sessions,
    lineItems,
    requests: api.requests,
    deliveries: webhooks.deliveries,
    setWebhookUrl: webhooks.setWebhookUrl,
    sendEvent: webhooks.sendEvent,
    sign: webhooks.sign,
    failNextCreate: api.failNextCreate,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
