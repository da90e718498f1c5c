import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { labelRoute } from '../observability/request-tracking'
import { ATTRIBUTION_COOKIE, attributionCookieOptions } from '../services/attribution-cookie'
import type { Services } from '../services/services'
import { isCacheableLandingRequest } from './landing-page-cache'
import { countBundleView, landingVisit } from './landing-visit'

/**
 * Serves a landing page kept in memory without asking the site (Astro) at all: the per-request part
 * (first-touch cookie, view count) is done here. A page not kept yet passes on to the site, which
 * renders it and keeps it (src/middleware.ts).
 */
export function landingPagesFromMemory(services: Services): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url)
    if (!isCacheableLandingRequest(c.req.method, url)) return next()
    const page = services.landingPages.find((await services.catalogs.current()).version, url)
    if (!page) return next()
    labelRoute(c, '(page)')
    const { firstTouch } = landingVisit(url, getCookie(c, ATTRIBUTION_COOKIE))
    if (firstTouch) setCookie(c, ATTRIBUTION_COOKIE, JSON.stringify(firstTouch), attributionCookieOptions(services.siteUrl))
    countBundleView(services, c.req.method, url, page.status)
    return c.body(page.bodyFor(url), page.status as 200, page.headers)
  }
}
