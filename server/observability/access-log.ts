import type { Logger } from './logger'
import type { CompletedRequest } from './request-tracking'

/** Probes arrive every few seconds from each balancer: at info they would drown the requests that matter. */
const PROBE_ROUTES = new Set(['/healthz', '/readyz', '/metrics'])

/** One line per answered request; its id comes with it from the request's context (logger.ts). */
export const accessLog =
  (logger: Logger) =>
  ({ method, route, status, seconds }: CompletedRequest): void => {
    const line = { method, route, status, ms: Math.round(seconds * 10_000) / 10 }
    if (PROBE_ROUTES.has(route)) logger.debug(line, 'request')
    else logger.info(line, 'request')
  }
