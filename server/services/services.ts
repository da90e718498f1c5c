import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { SessionPolicy } from '../console/session-policy'
import type { Operator } from '../domain/operator'
import type { OrderPolicy } from '../domain/order-policy'
import type { LandingPageCache } from '../landing/landing-page-cache'
import type { LandingViewCounter } from '../landing/landing-view-counter'
import type { ErrorLog } from '../observability/logger'
import type { CatalogStore } from './catalog-store'
import type { RateLimits } from './rate-limits'
import type { StripeGateway } from './stripe-gateway'

/** What request handlers and pages need; built once at start-up and passed down. */
export interface Services {
  db: Kysely<Database>
  catalogs: CatalogStore
  now: () => Date
  /** Absolute address of the site, for canonical links and links sent out of the site. */
  siteUrl: string
  log: ErrorLog
  /** Online payment; null when no Stripe keys are set. */
  stripe: StripeGateway | null
  /** What an order may hold without review, and for how long unpaid (settings). */
  orderPolicy: OrderPolicy
  /** Per-client and per-identity request limits, shared through the database. */
  limits: RateLimits
  /** Whether X-Forwarded-For names the client (TRUST_PROXY): only behind our own reverse proxy. */
  trustProxy: boolean
  /** Idle and absolute timeouts of staff console sessions (settings). */
  sessionPolicy: SessionPolicy
  /** Who runs the site: footer, agreement and privacy pages (settings). */
  operator: Operator
  /** Landing pages rendered once per catalog version, served from memory. */
  landingPages: LandingPageCache
  /** Landing page views, counted in memory and added to the database each second. */
  landingViews: LandingViewCounter
}
