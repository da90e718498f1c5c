import { randomUUID } from 'node:crypto'
import type { HttpBindings } from '@hono/node-server'
import type { Context, MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { presetHeader } from '../security-headers'

export const REQUEST_ID_HEADER = 'X-Request-Id'

/** A proxy's or client's id is kept only if it cannot smuggle anything into a log line or header. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/

export interface CompletedRequest {
  requestId: string
  method: string
  /** The matched route pattern (`/api/orders/:id`), never the URL: ids, tokens and queries stay out of logs and labels. */
  route: string
  status: number
  seconds: number
}

/**
 * Gives each request an id (the incoming X-Request-Id when it is sane, so a proxy's id joins both
 * logs), answers it in X-Request-Id, keeps it in the request's context (`requestIdOf`) and reports
 * the request once answered. Mounted first, so it sees every response, Astro's included.
 */
export function trackRequests(onCompleted: (request: CompletedRequest) => void): MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> {
  return (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER)
    const requestId = incoming !== undefined && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
    const started = performance.now()
    // Before the handler, on the socket's response: Astro writes its pages there itself, and Hono,
    // had it been set on its answer after the handler, would rebuild every response (slow).
    presetHeader(c, REQUEST_ID_HEADER, requestId)
    c.set('requestId', requestId)
    return next().then(() => {
      const answeredOnSocket = c.env?.outgoing?.headersSent === true
      onCompleted({
        requestId,
        method: c.req.method,
        route: routeLabel(c),
        status: answeredOnSocket ? c.env!.outgoing!.statusCode : c.res.status,
        seconds: (performance.now() - started) / 1000,
      })
    })
  }
}

declare module 'hono' {
  interface ContextVariableMap {
    routeLabel: '(page)' | '(static)'
    requestId: string
  }
}

/** The id of the request being handled, for its log lines (undefined where nothing tracks requests, as in tests). */
export const requestIdOf = (c: Context): string | undefined => c.get('requestId')

/**
 * Names what answered when no route pattern says it: the site's handlers all sit on the catch-all
 * `/*`, and a page's path may carry an order's token, so pages share one label and static files
 * another. (Hono's context variables are per request.)
 */
export function labelRoute(c: Context, label: '(page)' | '(static)'): void {
  c.set('routeLabel', label)
}

/** The label set by the site's handler, else the pattern of the route that answered. */
function routeLabel(c: Context): string {
  return c.get('routeLabel') ?? (routePath(c) || '(none)')
}
