import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import type { Metrics } from './metrics'
import type { ReadinessCheck } from './readiness'

export interface OperationsOptions {
  readiness: ReadinessCheck
  /** Absent when METRICS is off: /metrics is then an unknown page like any other. */
  metrics?: Metrics
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  metricsToken?: string
}

/**
 * For the machines around the server, not for visitors: liveness (/healthz: the process answers),
 * readiness (/readyz: it can serve; 503 while shutting down) and Prometheus metrics. No session, no
 * rate limit: a probe every few seconds must never be refused. /metrics is not for the public:
 * nginx denies it from outside (server/deploy/nginx).
 */
export function operationsRoutes({ readiness, metrics, metricsToken }: OperationsOptions): Hono {
  const routes = new Hono()
  routes.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }))
  routes.get('/readyz', async (c) => {
    const state = await readiness.check()
    c.header('Cache-Control', 'no-store')
    return state.ready ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable', reason: state.reason }, 503)
  })
  if (metrics) {
    if (metricsToken) routes.use('/metrics', requireBearer(metricsToken))
    routes.get('/metrics', async (c) => c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }))
  }
  return routes
}

/** 401 unless `Authorization: Bearer <token>`; compared as digests in constant time, so timing tells nothing. */
function requireBearer(token: string): MiddlewareHandler {
  const expected = createHash('sha256').update(token).digest()
  return async (c, next) => {
    const sent = /^Bearer (.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? ''
    if (!timingSafeEqual(createHash('sha256').update(sent).digest(), expected)) {
      return c.text('Unauthorized', 401, { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' })
    }
    await next()
  }
}
