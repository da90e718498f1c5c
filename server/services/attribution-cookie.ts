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
  return Object.keys(found).length > 0 ? attributionSchema.parse(found) : undefined
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
