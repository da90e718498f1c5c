import { defineMiddleware } from 'astro:middleware'
import { ATTRIBUTION_COOKIE, attributionCookieOptions, attributionFromCookie, attributionFromUrl } from '../server/services/attribution-cookie'
import { CALLBACK_FLASH_PARAM } from '../server/services/callback-flash'
import { createLandingPageCache, isCacheableLandingRequest } from '../server/landing/landing-page-cache'
import { countLandingView } from '../server/repositories/landing-views-repository'
import { writeGroupedOnSqlite } from '../server/services/group-commit'
import { currentServices } from '../server/services/registry'
import { localePath } from './lib/lang'

/** Pages that show a tracking token or personal data: tracking, checkout, lead confirmation, proposal. */
const PRIVATE_PAGE = /^(\/en)?\/(orders|checkout|leads|quotes)\//
/** A bundle's landing page, whose views are counted per page and campaign (campaign reports). */
const BUNDLE_PAGE = /^(?:\/(en))?\/bundles\/([^/]+)\/?$/

const landingPages = createLandingPageCache()

/**
 * First-touch ad attribution: the first landing with utm_*, bd_vid or gclid is kept in a cookie.
 * Landing pages come from memory once rendered for the catalog version (server/landing); the
 * cookie and the view count are done here, per request, for cached and fresh pages alike.
 * Private pages (and a form shown again with what was typed) must not be kept by any cache.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const stored = attributionFromCookie(context.cookies.get(ATTRIBUTION_COOKIE)?.value)
  const landing = stored ? undefined : attributionFromUrl(context.url)
  if (landing) {
    context.cookies.set(ATTRIBUTION_COOKIE, JSON.stringify(landing), attributionCookieOptions(currentServices().siteUrl))
  }
  context.locals.attribution = stored ?? landing
  const services = currentServices()
  const response = isCacheableLandingRequest(context.request.method, context.url)
    ? await landingPages.serve((await services.catalogs.current()).version, context.url, next)
    : await next()
  // Counted per page and per the campaign of this very visit (its own ad parameters, if any), whether
  // the page was rendered now or served from memory; only a bundle that is listed (answered 200).
  const bundle = BUNDLE_PAGE.exec(context.url.pathname)
  if (bundle && response.status === 200 && ['GET', 'HEAD'].includes(context.request.method)) {
    const path = localePath(bundle[1] === 'en' ? 'en' : 'zh', `/bundles/${decodeURI(bundle[2])}`)
    const view = { path, attribution: attributionFromUrl(context.url) ?? {}, at: services.now() }
    await writeGroupedOnSqlite(services.db, (db) => countLandingView(db, view))
  }
  if (PRIVATE_PAGE.test(context.url.pathname) || context.url.searchParams.has(CALLBACK_FLASH_PARAM)) response.headers.set('Cache-Control', 'no-store')
  return response
})
