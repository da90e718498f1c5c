/**
 * The fake's `/v1` API: bearer-key authentication, Checkout Session create (idempotency keys, simulated
 * failures) and retrieve, with every request recorded for the tests to inspect.
 */
import type { IncomingMessage } from 'node:http'
import Stripe from 'stripe'
import { ApiError, type ApiResult } from './api-error'
import { decodeStripeForm, type FormObject } from './form'
import { readBody } from './http'
import { buildCheckoutSession } from './session-create'
import type { FakeLineItem, FakeRequest, FakeSession, FakeStripe } from './types'

interface CheckoutApiOptions {
  sessions: Map<string, FakeSession>
  lineItems: Map<string, FakeLineItem[]>
  /** When set, only this exact key is accepted; otherwise any `sk_...` bearer key is. */
  secretKey?: string
  /** The fake's own origin, for the sessions' payment page URLs; known only once the server listens. */
  origin: () => string
}

/** Canonical JSON (sorted keys) so that the same parameters in another order still match. */
const canonical = (value: unknown): string =>
  typeof value === 'object' && value !== null
    ? Array.isArray(value)
      ? `[${value.map(canonical).join(',')}]`
      : `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
    : JSON.stringify(value)

export function createCheckoutApi({ sessions, lineItems, secretKey, origin }: CheckoutApiOptions) {
  const requests: FakeRequest[] = []
  const idempotent = new Map<string, { fingerprint: string; result: ApiResult }>()
  const pendingFailures: { status: number; message?: string; shouldRetry?: boolean }[] = []

  function authenticate(req: IncomingMessage): void {
    const header = req.headers.authorization ?? ''
    const key = /^Bearer (\S+)$/.exec(header)?.[1]
    if (!key) {
      throw new ApiError(401, {
        type: 'invalid_request_error',
        message: 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
      })
    }
    if (!key.startsWith('sk_') || (secretKey !== undefined && key !== secretKey)) {
      throw new ApiError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${key.slice(0, 8)}***` })
    }
  }

  function createSession(params: FormObject, apiVersion: string): FakeSession {
    const { session, items } = buildCheckoutSession(params, apiVersion, origin())
    sessions.set(session.id, session)
    lineItems.set(session.id, items)
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

  /** Answers one `/v1` request; refusals are thrown as ApiError. */
  async function handle(req: IncomingMessage, path: string, query: URLSearchParams): Promise<ApiResult> {
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

  const failNextCreate: FakeStripe['failNextCreate'] = (status, message, failOptions) =>
    void pendingFailures.push({ status, message, ...failOptions })

  return { requests, handle, failNextCreate }
}
