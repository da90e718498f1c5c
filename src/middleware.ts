import { defineMiddleware } from 'astro:middleware'
import { ATTRIBUTION_COOKIE, ATTRIBUTION_MAX_AGE_SECONDS, attributionFromCookie, attributionFromUrl } from '../server/services/attribution-cookie'

/** First-touch ad attribution: the first landing with utm_*, bd_vid or gclid is kept in a cookie. */
export const onRequest = defineMiddleware((context, next) => {
  const stored = attributionFromCookie(context.cookies.get(ATTRIBUTION_COOKIE)?.value)
  const landing = stored ? undefined : attributionFromUrl(context.url)
  if (landing) {
    context.cookies.set(ATTRIBUTION_COOKIE, JSON.stringify(landing), {
      path: '/',
      maxAge: ATTRIBUTION_MAX_AGE_SECONDS,
      httpOnly: true,
      sameSite: 'lax',
    })
  }
  context.locals.attribution = stored ?? landing
  return next()
})
