import { createHash } from 'node:crypto'
import idleDirective from 'astro/runtime/client/idle.prebuilt.js'
import loadDirective from 'astro/runtime/client/load.prebuilt.js'
import mediaDirective from 'astro/runtime/client/media.prebuilt.js'
import onlyDirective from 'astro/runtime/client/only.prebuilt.js'
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js'
import islandScript from 'astro/runtime/server/astro-island.prebuilt.js'
import type { HttpBindings } from '@hono/node-server'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { generateHydrationScript } from 'solid-js/web'

const sha256 = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`

/**
 * The only inline scripts our pages carry are the ones Astro and Solid write around islands (the
 * island element, its client directive, Solid's hydration events); they are fixed texts of the
 * installed versions, so the policy allows exactly those by hash and no other inline script.
 */
function inlineScriptHashes(): string[] {
  const solidHydration = /<script[^>]*>([\s\S]*?)<\/script>/.exec(generateHydrationScript())![1]
  return [islandScript, loadDirective, idleDirective, visibleDirective, mediaDirective, onlyDirective, solidHydration].map(sha256)
}

/**
 * Security headers for every answer (API, assets, pages). Styles may be inline: Astro inlines small
 * stylesheets and Solid sets style attributes. HSTS only when the public address is https (it
 * would lock a plain-http site out of browsers for a year).
 */
export function securityHeaders(siteUrl: string): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...inlineScriptHashes()],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    strictTransportSecurity: siteUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
  })
}

/**
 * Security headers for the API's JSON answers, which no browser renders as a document: a policy that
 * allows nothing to load and no framing, and no sniffing. The pages' policy (its script hashes) and
 * their document-only headers (permissions, cross-origin opener, XSS filter, DNS prefetch, download
 * options) would be a kilobyte of every answer read by scripts alone: measured, a fifth of a cached
 * API read's time, as many header lines written as the answer has.
 */
export function apiSecurityHeaders(siteUrl: string): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: siteUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })
}

/**
 * The headers a middleware adds to an answer: for a handler that writes to the socket itself (Astro
 * in middleware mode), which never passes its response back through Hono, and for `presetHeaders`.
 */
export async function headersAddedBy(middleware: MiddlewareHandler): Promise<[string, string][]> {
  const probe = new Hono().use(middleware).get('/', (c) => c.body(null, 204))
  return [...(await probe.request('/')).headers]
}

/**
 * Sets these headers on every answer (the API's own under its base path) before its handler runs. Hono's secureHeaders adds them after,
 * which makes every response be rebuilt and leaves @hono/node-server's fast path (measured: 17,000
 * against 4,000 answers a second for a bare JSON route); set up front, Hono builds the response with them.
 */
export function presetHeaders(headers: { pages: readonly [string, string][]; api: readonly [string, string][]; apiBasePath: string }): MiddlewareHandler {
  const apiPrefix = `${headers.apiBasePath}/`
  return async (c, next) => {
    for (const [name, value] of c.req.path.startsWith(apiPrefix) ? headers.api : headers.pages) presetHeader(c, name, value)
    await next()
  }
}

/**
 * One header of the answer, set before its handler runs; a header of the same name in the handler's
 * response wins. Under @hono/node-server it goes straight onto the socket's response, which the
 * response is written over: Hono's own header() validates each one through a web Headers object,
 * a tenth of a cached API read's time (measured). Elsewhere (app.request in tests) Hono's header().
 */
export function presetHeader(c: Context, name: string, value: string): void {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing
  if (outgoing) outgoing.setHeader(name, value)
  else c.header(name, value)
}
