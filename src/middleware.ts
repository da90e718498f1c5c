import { defineMiddleware } from 'astro:middleware'
import { ATTRIBUTION_COOKIE, attributionCookieOptions } from '../server/services/attribution-cookie'
import { CALLBACK_FLASH_PARAM } from '../server/services/callback-flash'
import { CARRIED_QUERY_MARKER, isCacheableLandingRequest } from '../server/landing/landing-page-cache'
import { countBundleView, landingVisit } from '../server/landing/landing-visit'
import { currentServices } from '../server/services/registry'

/** Pages that show a tracking token or personal data: tracking, checkout, lead confirmation, proposal. */
const PRIVATE_PAGE = /^(\/en)?\/(orders|checkout|leads|quotes)\//

/**
 * Every page: the first-touch ad attribution (server/landing/landing-visit.ts). A landing page is
 * rendered here once per catalog version, with its query as a marker, and kept in memory; the server
 * serves it from there afterwards without coming here (server/landing/landing-route.ts). Private pages
 * (and a form shown again with what was typed) must not be kept by any cache.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const services = currentServices()
  const visit = landingVisit(context.url, context.cookies.get(ATTRIBUTION_COOKIE)?.value)
  if (visit.firstTouch) context.cookies.set(ATTRIBUTION_COOKIE, JSON.stringify(visit.firstTouch), attributionCookieOptions(services.siteUrl))
  context.locals.attribution = visit.attribution
  const { method } = context.request
  let response: Response
  if (isCacheableLandingRequest(method, context.url)) {
    context.locals.carriedQuery = CARRIED_QUERY_MARKER
    response = await services.landingPages.render((await services.catalogs.current()).version, context.url, next)
  } else {
    response = await next()
  }
  countBundleView(services, method, context.url, response.status)
  if (PRIVATE_PAGE.test(context.url.pathname) || context.url.searchParams.has(CALLBACK_FLASH_PARAM)) response.headers.set('Cache-Control', 'no-store')
  return response
})
