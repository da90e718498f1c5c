import { Hono } from 'hono'
import type Stripe from 'stripe'
import { AppError } from '../errors'
import { handleStripeEvent } from '../services/payment-service'
import type { Services } from '../services/services'

export function webhooksRoutes(services: Services) {
  return new Hono().post('/stripe', async (c) => {
    const stripe = services.stripe
    if (!stripe) throw new AppError('not_found', 'Stripe is not configured.')
    // The signature covers the exact bytes Stripe sent: verify the raw body before parsing it.
    const payload = await c.req.text()
    let event: Stripe.Event
    try {
      event = stripe.client.webhooks.constructEvent(payload, c.req.header('Stripe-Signature') ?? '', stripe.webhookSecret)
    } catch {
      throw new AppError('invalid_request', 'The Stripe signature is missing, wrong or too old.')
    }
    return c.json({ received: true, outcome: await handleStripeEvent(services, event) })
  })
}
