import { CALLBACK_ERROR_PARAM, CALLBACK_FLASH_PARAM } from '../services/callback-flash'

/**
 * The landing pages (the bundle list and each bundle's page, in both languages) show the catalog in
 * force and nothing of the visitor: each is rendered once per catalog version and kept in memory, and
 * served from there by the server before the site is asked (landing-route.ts).
 *
 * An ad click's query (utm_*, bd_vid, gclid: a new one per click) changes nothing on the page but the
 * links that carry it on (the language switch, the callback form's way back). Those are rendered as
 * CARRIED_QUERY_MARKER and filled in per request, so every click is served from the same rendering.
 * The parameters that do change what is shown (CONTENT_PARAMS) are part of the key. A query can carry
 * a visitor's own state (a refused callback form shown again); such a request is never served from
 * nor put into memory. What is per request stays per request: the view count and the first-touch
 * cookie (landing-visit.ts).
 */
const LANDING_PATH = /^(?:\/en)?(?:\/|\/bundles\/[^/]+\/?)$/
const PER_VISITOR_PARAMS = [CALLBACK_FLASH_PARAM, CALLBACK_ERROR_PARAM]
/** The bundle list's filter (`/?need=mobile`). */
const CONTENT_PARAMS = ['need']

/** Stands for the request's query in a kept page: letters only, so HTML escaping leaves it as it is. */
export const CARRIED_QUERY_MARKER = 'CARRIEDQUERYd41d8cd98f00b204'

/** Distinct pages kept per version: each path and filter value makes one, so the oldest go. */
export const MAX_CACHED_PAGES = 500

export function isCacheableLandingRequest(method: string, url: URL): boolean {
  return method === 'GET' && LANDING_PATH.test(url.pathname) && PER_VISITOR_PARAMS.every((param) => !url.searchParams.has(param))
}

export interface KeptPage {
  status: number
  headers: Record<string, string>
  /** The page for this request's URL, encoded: its query put where the rendering carried it on. */
  bodyFor(url: URL): Uint8Array<ArrayBuffer>
}

export interface LandingPageCache {
  /** The kept page of `url` under `catalogVersion`, if it was rendered already. */
  find(catalogVersion: string, url: URL): KeptPage | undefined
  /**
   * Renders the page of `url` with its query as the marker, keeps it if it is the same for everyone,
   * and answers the page for this request.
   */
  render(catalogVersion: string, url: URL, render: () => Promise<Response>): Promise<Response>
}

export function createLandingPageCache(): LandingPageCache {
  let version: string | undefined
  const pages = new Map<string, KeptPage>()
  const sameVersion = (catalogVersion: string) => {
    if (catalogVersion !== version) {
      // A new release: every page shows other prices now.
      pages.clear()
      version = catalogVersion
    }
  }
  return {
    find(catalogVersion, url) {
      sameVersion(catalogVersion)
      return pages.get(pageKey(url))
    },
    async render(catalogVersion, url, render) {
      const response = await render()
      // Only a plain success is the same for everyone: not an error page, nothing private, no cookie of its own.
      if (response.status !== 200 || response.headers.has('set-cookie') || /no-store|private/.test(response.headers.get('cache-control') ?? '')) {
        return response
      }
      const page = keptPage(response.status, keptHeaders(response.headers), await response.text())
      sameVersion(catalogVersion)
      if (catalogVersion === version) {
        if (pages.size >= MAX_CACHED_PAGES) pages.delete(pages.keys().next().value!)
        pages.set(pageKey(url), page)
      }
      return new Response(page.bodyFor(url), { status: page.status, headers: page.headers })
    },
  }
}

function pageKey(url: URL): string {
  const shown = CONTENT_PARAMS.flatMap((param) => url.searchParams.getAll(param).map((value) => `${param}=${encodeURIComponent(value)}`))
  return `${url.pathname}?${shown.join('&')}`
}

/** The length changes with the query put in, and the date with the moment it is served. */
const keptHeaders = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => name !== 'content-length' && name !== 'date'))

/**
 * Kept encoded: a page is tens of kilobytes, and encoding it for every answer cost more than serving
 * it. A visit without a query (most) gets the same bytes each time; a click's query is joined in.
 */
function keptPage(status: number, headers: Record<string, string>, html: string): KeptPage {
  const parts = html.split(CARRIED_QUERY_MARKER).map((part) => Buffer.from(part))
  const withoutQuery = Buffer.concat(parts)
  const bodyFor = (url: URL) => {
    if (url.search === '' || parts.length === 1) return withoutQuery
    const query = Buffer.from(escapeAttribute(url.search))
    return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [query, part])))
  }
  return { status, headers, bodyFor }
}

/** What Astro's attribute escaping makes of the query, so the page reads as if rendered for it. */
function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
