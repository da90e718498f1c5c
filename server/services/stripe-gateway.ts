import type Stripe from 'stripe'
import type { Config } from '../config'

export interface StripeGateway {
  client: Stripe
  webhookSecret: string
}

/**
 * The real SDK, or null without keys (online payment is then not offered). STRIPE_API_BASE sends
 * its calls elsewhere, e.g. to the project's fake Stripe in tests and offline demos. The SDK is loaded
 * only when there are keys: importing it takes about 0.15 s (measured), a tenth of a start.
 */
export async function createStripeGateway(config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_API_BASE'>): Promise<StripeGateway | null> {
  if (!config.STRIPE_SECRET_KEY || !config.STRIPE_WEBHOOK_SECRET) return null
  const { default: Stripe } = await import('stripe')
  const base = config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE) : undefined
  const client = new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
          protocol: base.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  })
  return { client, webhookSecret: config.STRIPE_WEBHOOK_SECRET }
}
