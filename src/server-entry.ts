import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SSRManifest } from 'astro'
import { applyPolyfills, NodeApp } from 'astro/app/node'
import { setGetEnv } from 'astro/env/setup'

applyPolyfills()
setGetEnv((key) => process.env[key])

/** Renders a page onto the response, or calls `next` when no page matches the path. */
export type PageHandler = (request: IncomingMessage, response: ServerResponse, next: () => void) => Promise<void>

/** No page is prerendered: an error page is always rendered, never fetched. */
const noPrerenderedPages = async () => new Response(null, { status: 404 })

/**
 * The site's server entry, in place of @astrojs/node's (astro.config.mjs swaps it in). It renders as
 * the adapter's middleware mode does, without the adapter's AsyncLocalStorage (kept there only to
 * name the page in an unhandled rejection's log line): on Node 20, once any AsyncLocalStorage runs,
 * its promise hooks cost every promise of the process, the API's included (a cached API read lost a
 * fifth of its rate after the first page, measured). A page that throws reaches the server's error
 * handler, which logs it with the request's id.
 */
export function createExports(manifest: SSRManifest): { handler: PageHandler } {
  const app = new NodeApp(manifest)
  return {
    handler: async (incoming, response, next) => {
      const request = NodeApp.createRequest(incoming, { allowedDomains: app.getAllowedDomains?.() ?? [] })
      const routeData = app.match(request, true)
      if (!routeData) return next()
      await NodeApp.writeResponse(await app.render(request, { addCookieHeader: true, routeData, prerenderedErrorPageFetch: noPrerenderedPages }), response)
    },
  }
}
