import { createApi } from '../../server/app'
import { createCatalogStore } from '../../server/services/catalog-store'
import type { Services } from '../../server/services/services'
import type { StripeGateway } from '../../server/services/stripe-gateway'
import { afterAll, beforeAll } from 'vitest'
import type { DatabaseKind } from '../../db/connect'
import { createSeededDatabase, type TestDatabase } from './test-database'

export interface TestApi {
  services: Services
  /** Moves the API's clock, e.g. past a quote's or offer code's expiry. */
  setNow: (now: Date) => void
  request: (path: string, init?: RequestInit) => Promise<Response>
  postJson: (path: string, body: unknown) => Promise<Response>
  errors: unknown[]
}

export function createTestApi(database: TestDatabase, now = new Date('2026-11-22T03:00:00.000Z'), stripe: StripeGateway | null = null): TestApi {
  let clock = now
  const errors: unknown[] = []
  const services: Services = {
    db: database.db,
    catalogs: createCatalogStore(database.db),
    now: () => clock,
    siteUrl: 'http://storefront.test',
    log: (error) => errors.push(error),
    stripe,
  }
  const api = createApi(services)
  const request = async (path: string, init?: RequestInit) => api.request(path, init)
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
export function useSeededApi(kind: DatabaseKind): { readonly database: TestDatabase; readonly api: TestApi } {
  const context = {} as { database: TestDatabase; api: TestApi }
  beforeAll(async () => {
    context.database = await createSeededDatabase(kind)
    context.api = createTestApi(context.database)
  })
  afterAll(() => context.database?.drop())
  return context
}
