import type { Attribution } from '../schemas/attribution'
import { attributionFromCookie, attributionFromUrl } from '../services/attribution-cookie'
import type { Services } from '../services/services'

/** A bundle's landing page, whose views are counted per page and campaign (campaign reports). */
const BUNDLE_PAGE = /^(\/en)?\/bundles\/([^/]+)\/?$/

export interface LandingVisit {
  /** The visitor's first ad touch: the one kept in their cookie, else this visit's. */
  attribution: Attribution | undefined
  /** A first touch to keep in the attribution cookie now (the visitor had none). */
  firstTouch: Attribution | undefined
}

/**
 * First-touch ad attribution: the first landing with utm_*, bd_vid or gclid is kept in a cookie, and
 * a later click does not replace it. The same for a page rendered now and one served from memory.
 */
export function landingVisit(url: URL, attributionCookie: string | undefined): LandingVisit {
  const stored = attributionFromCookie(attributionCookie)
  const firstTouch = stored ? undefined : attributionFromUrl(url)
  return { attribution: stored ?? firstTouch, firstTouch }
}

/**
 * Counts a view of a listed bundle's page (one answered 200, so its slug is a real one), per page and per the campaign of this
 * very visit (its own ad parameters, if any), whether the page was rendered now or served from memory.
 */
export function countBundleView(services: Services, method: string, url: URL, status: number): void {
  const bundle = BUNDLE_PAGE.exec(url.pathname)
  if (!bundle || status !== 200 || (method !== 'GET' && method !== 'HEAD')) return
  const path = `${bundle[1] ?? ''}/bundles/${decodeURI(bundle[2])}`
  services.landingViews.count({ path, attribution: attributionFromUrl(url) ?? {}, at: services.now() })
}

