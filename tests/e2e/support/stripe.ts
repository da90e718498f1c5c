import { randomUUID } from 'node:crypto'
import { expect, type APIRequestContext } from '@playwright/test'
import Stripe from 'stripe'

/** The webhook secret the run's app and fake Stripe share (playwright.config.ts passes it to both). */
export const E2E_STRIPE_WEBHOOK_SECRET = 'whsec_e2e_test'

/**
 * Stripe reports a completed Checkout payment for an order's session, as Stripe would sign it, with
 * what Stripe says was paid: how a payment that does not fit the order (another amount) reaches the app.
 */
export async function reportStripePayment(
  request: APIRequestContext,
  order: { id: string; number: string; stripeSessionId: string },
  paid: { amountFen: number; currency?: string },
): Promise<void> {
  const event = {
    id: `evt_e2e_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: order.stripeSessionId,
        object: 'checkout.session',
        status: 'complete',
        payment_status: 'paid',
        amount_total: paid.amountFen,
        currency: paid.currency ?? 'cny',
        client_reference_id: order.id,
        metadata: { order_id: order.id, order_number: order.number },
      },
    },
  }
  const payload = JSON.stringify(event, null, 2)
  const response = await request.post('/api/webhooks/stripe', {
    headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: E2E_STRIPE_WEBHOOK_SECRET }) },
    data: payload,
  })
  expect(response.status(), await response.text()).toBe(200)
}
