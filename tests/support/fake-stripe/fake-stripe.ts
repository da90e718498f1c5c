import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { decodeStripeForm, type FormObject, type FormValue } from './form'
import { renderClosedPage, renderPayPage } from './pages'

/** A Checkout Session exactly as the fake returns it from the API (the subset of fields the app reads). */
export interface FakeSession {
  id: string
  object: 'checkout.session'
  amount_subtotal: number
  amount_total: number
  currency: string
  metadata: Record<string, string>
  client_reference_id: string | null
  customer_email: string | null
  customer_details: { email: string | null } | null
  payment_intent: string | null
  payment_status: 'paid' | 'unpaid'
  status: 'open' | 'complete' | 'expired'
  url: string | null
  success_url: string
  cancel_url: string | null
  expires_at: number
  created: number
  livemode: false
  mode: 'payment'
  allowed_payment_method_types: string[] | null
  payment_method_types: string[]
}

export interface FakeLineItem { name: string; unit_amount: number; quantity: number; currency: string }

export type FakeEventType =
  | 'checkout.session.completed'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'checkout.session.expired'

export interface EventOverrides {
  amount_total?: number
  currency?: string
  payment_status?: 'paid' | 'unpaid'
  metadata?: Record<string, string>
  eventId?: string
  timestamp?: number
  /** false: build and sign the event without POSTing it (status 0, body ''). */
  send?: boolean
}

export interface SentEvent { status: number; body: string; event: FakeEvent; payload: string; signature: string }
export interface FakeEvent {
  id: string
  object: 'event'
  api_version: string
  created: number
  livemode: false
  pending_webhooks: number
  request: { id: null; idempotency_key: null }
  type: FakeEventType
  data: { object: FakeSession }
}

export interface FakeRequest { method: string; path: string; idempotencyKey?: string; body: Record<string, unknown> }

export interface FakeStripe {
  port: number
  origin: string
  /** Same as origin: the app's STRIPE_API_BASE. */
  apiBase: string
  sessions: Map<string, FakeSession>
  /** Line items per session id, as sent in price_data (not part of the API object). */
  lineItems: Map<string, FakeLineItem[]>
  /** Every /v1 request, in order; body is the decoded form (or query) with string values. */
  requests: FakeRequest[]
  /** Every webhook delivery attempt (status 0 and error set when the POST itself failed). */
  deliveries: { event: FakeEvent; status: number; body: string; error?: string }[]
  setWebhookUrl(url: string): void
  /**
   * Applies the event's state change to the stored session (status, payment_status from overrides),
   * builds a signed event (amount_total/currency/metadata overrides only touch the event) and POSTs it.
   */
  sendEvent(type: FakeEventType, sessionId: string, overrides?: EventOverrides): Promise<SentEvent>
  /** Signs a payload like Stripe (`t=...,v1=...`) with the webhook secret. */
  sign(payload: string, timestamp?: number): string
  /**
   * The next session create answers `status` with a Stripe-style error, not stored under its idempotency key.
   * It carries `Stripe-Should-Retry: false` (as Stripe's 500s usually do), so an SDK with maxNetworkRetries > 0
   * surfaces it instead of retrying; `{ shouldRetry: true }` makes the SDK retry (and the retry then succeeds).
   */
  failNextCreate(status: number, message?: string, options?: { shouldRetry?: boolean }): void
  close(): Promise<void>
}

export interface FakeStripeOptions {
  webhookSecret: string
  webhookUrl?: string
  /** When set, only this exact key is accepted; otherwise any `sk_...` bearer key is. */
  secretKey?: string
  /** Default 0 (an ephemeral port). */
  port?: number
}

type ApiResult = { status: number; body: unknown; headers?: Record<string, string> }

class ApiError extends Error {
  constructor(readonly status: number, readonly error: Record<string, string>, readonly headers: Record<string, string> = {}) {
    super(error.message)
  }
}

const randomId = (prefix: string, length = 24) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return prefix + [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('')
}
const nowSeconds = () => Math.floor(Date.now() / 1000)
const invalid = (message: string, param?: string, code?: string) =>
  new ApiError(400, { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) })
const missing = (param: string) => invalid(`Missing required param: ${param}.`, param, 'parameter_missing')

const asString = (value: FormValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined)
const asObject = (value: FormValue | undefined): FormObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
const asList = (value: FormValue | undefined): FormValue[] => (Array.isArray(value) ? value : [])
function asInteger(value: FormValue | undefined, param: string, min: number): number {
  const text = asString(value)
  if (text === undefined) throw missing(param)
  if (!/^\d+$/.test(text) || Number(text) < min) throw invalid(`Invalid integer: ${text}`, param)
  return Number(text)
}

/** API versions from 2026-09-30 (endive, the SDK v23 default) reject `payment_method_types` on Checkout Sessions. */
const ENDIVE = '2026-09-30'

function paymentMethods(params: FormObject, apiVersion: string): string[] {
  const list = (value: FormValue | undefined) => asList(value).map((m) => asString(m) ?? '')
  if (params.payment_method_types !== undefined) {
    if (apiVersion >= ENDIVE) {
      throw invalid(
        `payment_method_types is no longer supported on Checkout Sessions as of API version ${ENDIVE}.endive (this request: ${apiVersion}). ` +
          'Use allowed_payment_method_types, excluded_payment_method_types or dynamic payment methods.',
        'payment_method_types',
        'payment_method_types_no_longer_supported',
      )
    }
    return list(params.payment_method_types)
  }
  if (params.allowed_payment_method_types !== undefined && params.excluded_payment_method_types !== undefined) {
    throw invalid('allowed_payment_method_types and excluded_payment_method_types cannot be used together.', 'allowed_payment_method_types')
  }
  return list(params.allowed_payment_method_types)
}

/** Canonical JSON (sorted keys) so that the same parameters in another order still match. */
const canonical = (value: unknown): string =>
  typeof value === 'object' && value !== null
    ? Array.isArray(value)
      ? `[${value.map(canonical).join(',')}]`
      : `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
    : JSON.stringify(value)

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': randomId('req_', 14), ...headers }).end(JSON.stringify(body))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  let webhookUrl = options.webhookUrl
  const sessions = new Map<string, FakeSession>()
  const lineItems = new Map<string, FakeLineItem[]>()
  const requests: FakeRequest[] = []
  const deliveries: FakeStripe['deliveries'] = []
  const idempotent = new Map<string, { fingerprint: string; result: ApiResult }>()
  const pendingFailures: { status: number; message?: string; shouldRetry?: boolean }[] = []
  let origin = ''

  function authenticate(req: IncomingMessage): void {
    const header = req.headers.authorization ?? ''
    const key = /^Bearer (\S+)$/.exec(header)?.[1]
    if (!key) {
      throw new ApiError(401, {
        type: 'invalid_request_error',
        message: 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
      })
    }
    if (!key.startsWith('sk_') || (options.secretKey !== undefined && key !== options.secretKey)) {
      throw new ApiError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${key.slice(0, 8)}***` })
    }
  }

  function createSession(params: FormObject, apiVersion: string): FakeSession {
    const mode = asString(params.mode)
    if (!mode) throw missing('mode')
    if (mode !== 'payment') throw invalid(`The fake only supports mode=payment, not ${mode}.`, 'mode')
    const successUrl = asString(params.success_url)
    if (!successUrl) throw missing('success_url')
    const rawItems = asList(params.line_items)
    if (rawItems.length === 0) throw missing('line_items')
    const items = rawItems.map((raw, i): FakeLineItem => {
      const item = asObject(raw)
      if (item.price !== undefined) throw invalid(`No such price: '${asString(item.price)}'`, `line_items[${i}][price]`, 'resource_missing')
      const priceData = asObject(item.price_data)
      const currency = asString(priceData.currency)?.toLowerCase()
      if (!currency) throw missing(`line_items[${i}][price_data][currency]`)
      const name = asString(asObject(priceData.product_data).name)
      if (!name) throw missing(`line_items[${i}][price_data][product_data][name]`)
      return {
        name,
        currency,
        unit_amount: asInteger(priceData.unit_amount, `line_items[${i}][price_data][unit_amount]`, 0),
        quantity: asInteger(item.quantity, `line_items[${i}][quantity]`, 1),
      }
    })
    const currency = (asString(params.currency) ?? items[0].currency).toLowerCase()
    if (items.some((item) => item.currency !== currency)) {
      throw invalid('All line items and the session must use the same currency.', 'line_items')
    }
    const methods = paymentMethods(params, apiVersion)
    if (methods.includes('wechat_pay') && !asString(asObject(asObject(params.payment_method_options).wechat_pay).client)) {
      throw missing('payment_method_options[wechat_pay][client]')
    }
    const created = nowSeconds()
    let expiresAt = created + 24 * 3600
    if (params.expires_at !== undefined) {
      expiresAt = asInteger(params.expires_at, 'expires_at', 0)
      if (expiresAt < created + 30 * 60 - 5 || expiresAt > created + 24 * 3600 + 5) {
        throw invalid('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', 'expires_at')
      }
    }
    const metadata: Record<string, string> = {}
    for (const [key, value] of Object.entries(asObject(params.metadata))) {
      if (typeof value === 'string' && value !== '') metadata[key] = value
    }
    const amount = items.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0)
    const id = randomId('cs_test_', 58)
    const session: FakeSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: amount,
      amount_total: amount,
      currency,
      metadata,
      client_reference_id: asString(params.client_reference_id) ?? null,
      customer_email: asString(params.customer_email) ?? null,
      customer_details: null,
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      url: `${origin}/pay/${id}`,
      success_url: successUrl,
      cancel_url: asString(params.cancel_url) ?? null,
      expires_at: expiresAt,
      created,
      livemode: false,
      mode: 'payment',
      allowed_payment_method_types: params.allowed_payment_method_types ? methods : null,
      payment_method_types: methods.length > 0 ? methods : ['card'],
    }
    sessions.set(id, session)
    lineItems.set(id, items)
    return session
  }

  function handleCreate(req: IncomingMessage, params: FormObject, idempotencyKey: string | undefined): ApiResult {
    const fingerprint = `${req.url?.split('?')[0]} ${canonical(params)}`
    const previous = idempotencyKey ? idempotent.get(idempotencyKey) : undefined
    if (previous && previous.fingerprint !== fingerprint) {
      throw new ApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
      })
    }
    if (previous) return { ...previous.result, headers: { 'idempotent-replayed': 'true' } }
    const failure = pendingFailures.shift()
    if (failure) {
      const type = failure.status >= 500 ? 'api_error' : failure.status === 429 ? 'rate_limit_error' : 'invalid_request_error'
      const message = failure.message ?? `Simulated Stripe failure (${failure.status}).`
      throw new ApiError(failure.status, { type, message }, { 'stripe-should-retry': String(failure.shouldRetry ?? false) })
    }
    const apiVersion = String(req.headers['stripe-version'] ?? Stripe.API_VERSION)
    const result = { status: 200, body: structuredClone(createSession(params, apiVersion)) }
    if (idempotencyKey) idempotent.set(idempotencyKey, { fingerprint, result })
    return result
  }

  async function handleApi(req: IncomingMessage, path: string, query: URLSearchParams): Promise<ApiResult> {
    const method = req.method ?? 'GET'
    const raw = method === 'GET' ? query.toString() : await readBody(req)
    const params = decodeStripeForm(raw)
    const idempotencyKey = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined
    requests.push({ method, path, ...(idempotencyKey ? { idempotencyKey } : {}), body: params })
    authenticate(req)
    if (method === 'POST' && path === '/v1/checkout/sessions') return handleCreate(req, params, idempotencyKey)
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)
    if (method === 'GET' && retrieve) {
      const id = decodeURIComponent(retrieve[1])
      const session = sessions.get(id)
      if (!session) throw new ApiError(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'session', message: `No such checkout.session: '${id}'` })
      return { status: 200, body: session }
    }
    throw new ApiError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` })
  }

  function applyState(session: FakeSession, type: FakeEventType, paymentStatus?: 'paid' | 'unpaid'): void {
    if (type === 'checkout.session.expired') {
      Object.assign(session, { status: 'expired', payment_status: 'unpaid', url: null })
      return
    }
    const paid = paymentStatus ?? (type === 'checkout.session.async_payment_failed' ? 'unpaid' : 'paid')
    Object.assign(session, {
      status: 'complete',
      payment_status: paid,
      url: null,
      payment_intent: session.payment_intent ?? randomId('pi_test_'),
      customer_details: { email: session.customer_email },
    })
  }

  const sign = (payload: string, timestamp?: number) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret, timestamp })

  async function sendEvent(type: FakeEventType, sessionId: string, overrides: EventOverrides = {}): Promise<SentEvent> {
    const session = sessions.get(sessionId)
    if (!session) throw new Error(`Fake Stripe: no session ${sessionId}`)
    applyState(session, type, overrides.payment_status)
    const created = overrides.timestamp ?? nowSeconds()
    const object: FakeSession = {
      ...structuredClone(session),
      ...(overrides.amount_total !== undefined ? { amount_total: overrides.amount_total } : {}),
      ...(overrides.currency !== undefined ? { currency: overrides.currency } : {}),
      ...(overrides.metadata !== undefined ? { metadata: overrides.metadata } : {}),
    }
    const event: FakeEvent = {
      id: overrides.eventId ?? randomId('evt_test_'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    }
    // Stripe sends pretty-printed JSON: a receiver that re-serializes before verifying fails, as in production.
    const payload = JSON.stringify(event, null, 2)
    const signature = sign(payload, created)
    if (overrides.send === false) return { status: 0, body: '', event, payload, signature }
    if (!webhookUrl) throw new Error('Fake Stripe: no webhook URL set (setWebhookUrl or options.webhookUrl)')
    try {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      })
      const body = await response.text()
      deliveries.push({ event, status: response.status, body })
      return { status: response.status, body, event, payload, signature }
    } catch (error) {
      deliveries.push({ event, status: 0, body: '', error: (error as Error).message })
      throw error
    }
  }

  async function handlePay(req: IncomingMessage, res: ServerResponse, id: string, query: URLSearchParams): Promise<void> {
    const session = sessions.get(id)
    const html = (status: number, body: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body)
    if (!session) return void html(404, renderClosedPage('This Checkout Session does not exist.'))
    if (req.method === 'GET') {
      if (session.status !== 'open') return void html(410, renderClosedPage(`This Checkout Session is ${session.status}.`))
      return void html(200, renderPayPage(session, lineItems.get(id) ?? []))
    }
    if (req.method !== 'POST') return void html(405, renderClosedPage('Method not allowed.'))
    if (session.status !== 'open') return void html(409, renderClosedPage(`This Checkout Session is ${session.status}.`))
    const asyncMode = new URLSearchParams(await readBody(req)).get('async') ?? query.get('async')
    const deliver = async (type: FakeEventType, paymentStatus?: 'paid' | 'unpaid') => {
      if (!webhookUrl) return void applyState(session, type, paymentStatus)
      await sendEvent(type, id, paymentStatus ? { payment_status: paymentStatus } : {}).catch(() => {})
    }
    if (asyncMode === '1' || asyncMode === 'fail') {
      await deliver('checkout.session.completed', 'unpaid')
      await deliver(asyncMode === '1' ? 'checkout.session.async_payment_succeeded' : 'checkout.session.async_payment_failed')
    } else {
      await deliver('checkout.session.completed')
    }
    res.writeHead(303, { location: session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', id) }).end()
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-stripe.invalid')
    // Readiness probe for process supervisors (Playwright's webServer waits on it); not a Stripe route.
    if (req.method === 'GET' && url.pathname === '/health') return void sendJson(res, 200, { ok: true })
    const pay = /^\/pay\/([^/]+)$/.exec(url.pathname)
    const work = pay
      ? handlePay(req, res, decodeURIComponent(pay[1]), url.searchParams)
      : handleApi(req, url.pathname, url.searchParams).then(({ status, body, headers }) => sendJson(res, status, body, headers))
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
    requests,
    deliveries,
    setWebhookUrl: (url) => void (webhookUrl = url),
    sendEvent,
    sign,
    failNextCreate: (status, message, failOptions) => void pendingFailures.push({ status, message, ...failOptions }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
