import { Hono } from 'hono'
import type Stripe from 'stripe'
import { AppError } from '../errors'
import { handleStripeEvent } from '../services/payment-service'
import type { Services } from '../services/services'

/** Stripe's default tolerance for a stale signature (the SDK's DEFAULT_TOLERANCE), in seconds. */
const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * The SDK refuses signatures older than the tolerance but accepts any from the future; a timestamp
 * far ahead of our clock would let a captured request be replayed for that long, so it is refused too.
 */
function signedInTheFuture(header: string): boolean {
  const signedAt = Number(/(?:^|,)\s*t=(\d+)/.exec(header)?.[1])
  return !(signedAt <= Date.now() / 1000 + SIGNATURE_TOLERANCE_SECONDS)
}

export function webhooksRoutes(services: Services) {
  return new Hono().post('/stripe', async (c) => {
    const stripe = services.stripe
    if (!stripe) throw new AppError('not_found', 'Stripe is not configured.')
    // The signature covers the exact bytes Stripe sent: verify the raw body before parsing it.
    const payload = await c.req.text()
    const header = c.req.header('Stripe-Signature') ?? ''
    let event: Stripe.Event
    try {
      event = stripe.client.webhooks.constructEvent(payload, header, stripe.webhookSecret, SIGNATURE_TOLERANCE_SECONDS)
    } catch {
      throw new AppError('invalid_request', 'The Stripe signature is missing, wrong or too old.')
    }
    if (signedInTheFuture(header)) throw new AppError('invalid_request', 'The Stripe signature is dated in the future.')
    return c.json({ received: true, outcome: await handleStripeEvent(services, event) })
  })
}
