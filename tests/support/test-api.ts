import { createApi } from '../../server/app'
import { defaultSessionPolicy } from '../../server/console/session-policy'
import { defaultOperator } from '../../server/domain/operator'
import { createLandingPageCache } from '../../server/landing/landing-page-cache'
import { createLandingViewCounter } from '../../server/landing/landing-view-counter'
import { defaultOrderPolicy } from '../../server/domain/order-policy'
import { createCatalogStore } from '../../server/services/catalog-store'
import { createRateLimits, type LimitSettings } from '../../server/services/rate-limits'
import type { Services } from '../../server/services/services'
import type { StripeGateway } from '../../server/services/stripe-gateway'
import { afterAll, beforeAll } from 'vitest'
import type { DatabaseKind, DatabaseHandle } from '../../db/connect'
import { generousLimits } from './generous-limits'
import { createSeededDatabase, type TestDatabase } from './test-database'

/** The site the test API serves: its origin is what a browser sends with the site's own forms. */
export const TEST_SITE = 'http://storefront.test'

/** The address every test request comes from unless a test says otherwise. */
export const TEST_CLIENT_ADDRESS = '192.0.2.10'

export interface TestApiOptions {
  limits?: Partial<LimitSettings>
  trustProxy?: boolean
}

export interface TestApi {
  services: Services
  /** Moves the API's clock, e.g. past a quote's or offer code's expiry. */
  setNow: (now: Date) => void
  /** Like a browser on the site: the site's Origin on every request, from TEST_CLIENT_ADDRESS (or `from`). */
  request: (path: string, init?: RequestInit, from?: string) => Promise<Response>
  postJson: (path: string, body: unknown) => Promise<Response>
  errors: unknown[]
}

export function createTestApi(
  database: TestDatabase | DatabaseHandle,
  now = new Date('2026-11-22T03:00:00.000Z'),
  stripe: StripeGateway | null = null,
  options: TestApiOptions = {},
): TestApi {
  let clock = now
  const errors: unknown[] = []
  const services: Services = {
    db: database.db,
    catalogs: createCatalogStore(database.db, () => clock),
    now: () => clock,
    siteUrl: TEST_SITE,
    log: (error) => errors.push(error),
    stripe,
    limits: createRateLimits(database.driver, { ...generousLimits, ...options.limits }, { sweepExpired: false }),
    trustProxy: options.trustProxy ?? false,
    orderPolicy: defaultOrderPolicy,
    sessionPolicy: defaultSessionPolicy,
    operator: defaultOperator,
    landingPages: createLandingPageCache(),
    landingViews: createLandingViewCounter(database.db, (error) => errors.push(error)),
  }
  const api = createApi(services)
  const request = async (path: string, init: RequestInit = {}, from = TEST_CLIENT_ADDRESS) => {
    const headers = new Headers(init.headers)
    if (!headers.has('origin')) headers.set('origin', TEST_SITE)
    // What @hono/node-server hands the app: the socket the request came in on.
    return api.request(path, { ...init, headers }, { incoming: { socket: { remoteAddress: from } } })
  }
  return {
    services,
    errors,
    setNow: (next) => {
      clock = next
    },
    request,
    postJson: (path, body) =>
      request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  }
}

/** A seeded database of that kind and an API over it for one describe block, dropped afterwards. */
export function useSeededApi(kind: DatabaseKind, options: TestApiOptions = {}): { readonly database: TestDatabase; readonly api: TestApi } {
  const context = {} as { database: TestDatabase; api: TestApi }
  beforeAll(async () => {
    context.database = await createSeededDatabase(kind)
    context.api = createTestApi(context.database, undefined, null, options)
  })
  afterAll(() => context.database?.drop())
  return context
}
