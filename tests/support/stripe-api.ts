import { afterAll, beforeAll } from 'vitest'
import type { DatabaseKind } from '../../db/connect'
import { installDays } from '../../server/domain/install-slots'
import { createStripeGateway } from '../../server/services/stripe-gateway'
import { startFakeStripe, type FakeStripe } from './fake-stripe/fake-stripe'
import { createTestApi, type TestApi } from './test-api'
import { createSeededDatabase, type TestDatabase } from './test-database'

export const WEBHOOK_SECRET = 'whsec_test_storefront'

/**
 * A seeded database, the fake Stripe and an API whose real Stripe SDK talks to it. The clock is
 * real: Stripe checks a session's expiry against its own time.
 */
export function useStripeApi(kind: DatabaseKind): { readonly database: TestDatabase; readonly api: TestApi; readonly stripe: FakeStripe; readonly firstSlot: { date: string; slot: 'am' | 'pm' } } {
  const context = {} as { database: TestDatabase; api: TestApi; stripe: FakeStripe; firstSlot: { date: string; slot: 'am' | 'pm' } }
  beforeAll(async () => {
    context.stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET })
    context.database = await createSeededDatabase(kind)
    const gateway = await createStripeGateway({ STRIPE_SECRET_KEY: 'sk_test_storefront', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: context.stripe.apiBase })
    const now = new Date()
    context.api = createTestApi(context.database, now, gateway)
    context.firstSlot = { date: installDays(now, false)[0].date, slot: 'am' }
  })
  afterAll(async () => {
    await context.database?.drop()
    await context.stripe?.close()
  })
  return context
}
