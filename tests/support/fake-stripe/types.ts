/** The fake's public shapes: what it stores and returns like Stripe, and the handle a test drives it with. */

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
