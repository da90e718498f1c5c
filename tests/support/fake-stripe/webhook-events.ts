/**
 * Webhook events as Stripe sends them: the event's state change applied to the stored session, the event
 * built and signed with the webhook secret, and POSTed to the app, every delivery attempt recorded.
 */
import Stripe from 'stripe'
import { nowSeconds, randomId } from './ids'
import type { EventOverrides, FakeEvent, FakeEventType, FakeSession, FakeStripe, SentEvent } from './types'

/** What the event means for the session itself: completed (paid, or unpaid while a delayed payment runs) or expired. */
export function applyEventToSession(session: FakeSession, type: FakeEventType, paymentStatus?: 'paid' | 'unpaid'): void {
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

interface WebhookOptions {
  sessions: Map<string, FakeSession>
  webhookSecret: string
  webhookUrl?: string
}

export type WebhookSender = ReturnType<typeof createWebhookSender>

export function createWebhookSender({ sessions, webhookSecret, webhookUrl: initialUrl }: WebhookOptions) {
  let webhookUrl = initialUrl
  const deliveries: FakeStripe['deliveries'] = []

  const sign = (payload: string, timestamp?: number) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp })

  async function sendEvent(type: FakeEventType, sessionId: string, overrides: EventOverrides = {}): Promise<SentEvent> {
    const session = sessions.get(sessionId)
    if (!session) throw new Error(`Fake Stripe: no session ${sessionId}`)
    applyEventToSession(session, type, overrides.payment_status)
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

  return {
    deliveries,
    sign,
    sendEvent,
    setWebhookUrl: (url: string) => void (webhookUrl = url),
    hasWebhookUrl: () => Boolean(webhookUrl),
  }
}
