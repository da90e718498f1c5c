/**
 * Offline stand-in for Stripe: `STRIPE_WEBHOOK_SECRET=whsec_dev tsx tests/support/fake-stripe/server.ts`
 * Env: FAKE_STRIPE_PORT (default 12111), STRIPE_WEBHOOK_SECRET (required, whsec_...),
 *      FAKE_STRIPE_WEBHOOK_URL (default http://127.0.0.1:4321/api/webhooks/stripe).
 */
import { startFakeStripe } from './fake-stripe'

const port = Number(process.env.FAKE_STRIPE_PORT ?? 12111)
const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? ''
const webhookUrl = process.env.FAKE_STRIPE_WEBHOOK_URL ?? 'http://127.0.0.1:4321/api/webhooks/stripe'

if (!webhookSecret.startsWith('whsec_')) {
  console.error('STRIPE_WEBHOOK_SECRET is required and must start with whsec_ (e.g. STRIPE_WEBHOOK_SECRET=whsec_dev).')
  process.exit(1)
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`FAKE_STRIPE_PORT must be a port number, not ${process.env.FAKE_STRIPE_PORT}.`)
  process.exit(1)
}

const fake = await startFakeStripe({ port, webhookSecret, webhookUrl })
console.log(`Fake Stripe listening on ${fake.origin}; webhooks go to ${webhookUrl}`)
console.log('Start the app with:')
console.log(`  STRIPE_API_BASE=${fake.apiBase} STRIPE_SECRET_KEY=sk_test_fake STRIPE_WEBHOOK_SECRET=${webhookSecret}`)
console.log('Checkout pages are served at /pay/<session id>; any sk_... secret key is accepted.')

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void fake.close().finally(() => process.exit(0)))
}
