import { defineMiddleware } from 'astro:middleware'
import { ATTRIBUTION_COOKIE, attributionCookieOptions, attributionFromCookie, attributionFromUrl } from '../server/services/attribution-cookie'
import { CALLBACK_FLASH_PARAM } from '../server/services/callback-flash'
import { currentServices } from '../server/services/registry'

/** Pages that show a tracking token or personal data: tracking, checkout, lead confirmation, proposal. */
const PRIVATE_PAGE = /^(\/en)?\/(orders|checkout|leads|quotes)\//

/**
 * First-touch ad attribution: the first landing with utm_*, bd_vid or gclid is kept in a cookie.
 * Private pages (and a form shown again with what was typed) must not be kept by any cache.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const stored = attributionFromCookie(context.cookies.get(ATTRIBUTION_COOKIE)?.value)
  const landing = stored ? undefined : attributionFromUrl(context.url)
  if (landing) {
    context.cookies.set(ATTRIBUTION_COOKIE, JSON.stringify(landing), attributionCookieOptions(currentServices().siteUrl))
  }
  context.locals.attribution = stored ?? landing
  const response = await next()
  if (PRIVATE_PAGE.test(context.url.pathname) || context.url.searchParams.has(CALLBACK_FLASH_PARAM)) response.headers.set('Cache-Control', 'no-store')
  return response
})
