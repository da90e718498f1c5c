import { Hono, type Context, type MiddlewareHandler, type Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { methodOverride } from 'hono/method-override'
import { AppError, createErrorHandler, errorBody } from './errors'
import { presetHeader } from './security-headers'
import { buildingsRoutes } from './routes/buildings'
import { isTenantUpload } from './routes/console/buildings'
import { consoleRoutes } from './routes/console'
import { emailVisitsRoutes } from './routes/email-visits'
import { leadsRoutes } from './routes/leads'
import { offeringsRoutes } from './routes/offerings'
import { ordersRoutes } from './routes/orders'
import { quotesRoutes } from './routes/quotes'
import { verificationsRoutes } from './routes/verifications'
import { webhooksRoutes } from './routes/webhooks'
import type { Services } from './services/services'

export const MAX_BODY_BYTES = 64 * 1024

/** Where the API answers; everything else is the site. */
export const API_BASE_PATH = '/api'

/** The HTTP API under /api: one route module per resource, one error handler for all. */
export function createApi(services: Services) {
  const root = new Hono().basePath(API_BASE_PATH)
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`)
    },
  })
  const api = root
    // File uploads (tenant lists) have a limit of their own, on their route.
    .use((c, next) => (isTenantUpload(c.req.method, c.req.path) ? next() : limitBody(c, next, limit)))
    // Set before the handler (after it, Hono would rebuild every answer); a handler may still choose its own.
    .use(async (c, next) => {
      presetHeader(c, 'Cache-Control', 'no-store')
      await next()
    })
    .use(crossSiteGuard(services.siteUrl))
    // The console's forms (no JavaScript) send PATCH and DELETE as POST to `…?_method=PATCH`; in the
    // query, not a form field, so the body passes on untouched (repeated fields such as roles stay).
    .use('/console/*', methodOverride({ app: root, query: '_method' }))
    .route('/offerings', offeringsRoutes(services))
    .route('/buildings', buildingsRoutes(services))
    .route('/quotes', quotesRoutes(services))
    .route('/leads', leadsRoutes(services))
    .route('/verifications', verificationsRoutes(services))
    .route('/orders', ordersRoutes(services))
    .route('/webhooks', webhooksRoutes(services))
    .route('/email-visits', emailVisitsRoutes(services))
    .route('/console', consoleRoutes(services))
  // Unmatched /api paths answer in the API's error shape instead of falling through to the site.
  api.all('*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}.`), 404))
  api.onError(createErrorHandler(services.log))
  return api
}

/**
 * Hono's bodyLimit asks for the request's body stream, which makes @hono/node-server build a whole
 * web Request for every request, a GET included (a fifth of an API read's time, measured). A GET
 * or HEAD has no body to limit, and a declared length is checked from its header; only a body of
 * unknown length (chunked) goes through bodyLimit, which counts it as it arrives.
 */
function limitBody(c: Context, next: Next, limit: MiddlewareHandler) {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
  const declared = c.req.header('content-length')
  if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return limit(c, next)
  return Number(declared) > MAX_BODY_BYTES ? limit(c, next) : next()
}

/**
 * A form posted from another site rides on the visitor's cookies (first-touch attribution): state
 * changes must come from our own pages (Origin = PUBLIC_BASE_URL, or this request's own host).
 * Stripe's webhook comes from Stripe and proves itself with its signature instead; a mail client's
 * one-click unsubscribe (RFC 8058) comes from no page at all, and its token is its proof.
 */
const ONE_CLICK_UNSUBSCRIBE = /^\/api\/email-visits\/unsubscribe\/[^/]+$/

function crossSiteGuard(siteUrl: string): MiddlewareHandler {
  const siteOrigin = new URL(siteUrl).origin
  const guard = csrf({ origin: (origin, c) => origin === siteOrigin || origin === new URL(c.req.url).origin })
  return (c, next) => (c.req.path.startsWith('/api/webhooks/') || ONE_CLICK_UNSUBSCRIBE.test(c.req.path) ? next() : guard(c, next))
}

/** For Hono's typed client in the Solid islands. */
export type ApiType = ReturnType<typeof createApi>
