import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStripeGateway } from '../../server/services/stripe-gateway'
import { WEBHOOK_SECRET } from '../support/stripe-api'
import { createTestApi, type TestApi } from '../support/test-api'
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../support/test-database'

describe.each(databaseKinds)('Stripe webhook signature times on %s', (kind) => {
  let database: TestDatabase
  let api: TestApi
  beforeAll(async () => {
    database = await createSeededDatabase(kind)
    api = createTestApi(database, new Date(), await createStripeGateway({ STRIPE_SECRET_KEY: 'sk_test_storefront', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET }))
  })
  afterAll(() => database?.drop())

  const stripe = new Stripe('sk_test_storefront')
  const deliver = (secondsFromNow: number) => {
    const payload = JSON.stringify({ id: `evt_${secondsFromNow}_${Math.random()}`, object: 'event', type: 'customer.created', data: { object: {} } })
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) + secondsFromNow })
    return api.request('/api/webhooks/stripe', { method: 'POST', headers: { 'content-type': 'application/json', 'Stripe-Signature': signature }, body: payload })
  }

  it('takes a fresh signature, and refuses one dated far in the past or far in the future alike', async () => {
    expect((await deliver(0)).status).toBe(200)
    expect((await deliver(60)).status).toBe(200)
    for (const seconds of [-3600, 3600, 10 * 365 * 86_400]) {
      const response = await deliver(seconds)
      expect(response.status).toBe(400)
      expect((await response.json()).error.code).toBe('invalid_request')
    }
  })
})
