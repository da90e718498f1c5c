import { attributionKeys, attributionSchema, type Attribution } from '../schemas/attribution'

export const ATTRIBUTION_COOKIE = 'sf_attribution'
/** First touch is kept for 90 days, a usual ad-attribution window. */
export const ATTRIBUTION_MAX_AGE_SECONDS = 90 * 24 * 60 * 60

/** The ad parameters of a landing URL, if it carries any. */
export function attributionFromUrl(url: URL): Attribution | undefined {
  const found = Object.fromEntries(
    attributionKeys.flatMap((key) => {
      const value = url.searchParams.get(key)?.trim().slice(0, 200)
      return value ? [[key, value]] : []
    }),
  )
  if (Object.keys(found).length === 0) return undefined
  // A value with control characters is a forged link, not an ad click: keep nothing from it.
  const parsed = attributionSchema.safeParse(found)
  return parsed.success ? parsed.data : undefined
}

/** The cookie's attributes; `Secure` whenever the site is served over https. */
export function attributionCookieOptions(siteUrl: string) {
  return { path: '/', maxAge: ATTRIBUTION_MAX_AGE_SECONDS, httpOnly: true, sameSite: 'lax', secure: siteUrl.startsWith('https:') } as const
}

/** A stored cookie value, or undefined when it is missing or was tampered with. */
export function attributionFromCookie(value: string | undefined): Attribution | undefined {
  if (!value) return undefined
  try {
    const parsed = attributionSchema.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
