import { CALLBACK_ERROR_PARAM, CALLBACK_FLASH_PARAM } from '../services/callback-flash'

/**
 * The landing pages (the bundle list and each bundle's page, in both languages) show the catalog in
 * force and nothing of the visitor: the same request renders the same HTML until the catalog version
 * changes. So each is rendered once per catalog version, path and query, and served from memory after.
 * What is per request stays per request, outside the cached HTML: the view count and the first-touch
 * attribution cookie (src/middleware.ts). A query can carry a visitor's own state (a refused callback
 * form shown again: CALLBACK_FLASH_PARAM); such a request is never served from nor put into the cache.
 */
const LANDING_PATH = /^(?:\/en)?(?:\/|\/bundles\/[^/]+\/?)$/
const PER_VISITOR_PARAMS = [CALLBACK_FLASH_PARAM, CALLBACK_ERROR_PARAM]

/** Distinct path-and-query pages kept per version: every ad click's own query makes one, so the oldest go. */
export const MAX_CACHED_PAGES = 500

export function isCacheableLandingRequest(method: string, url: URL): boolean {
  return method === 'GET' && LANDING_PATH.test(url.pathname) && PER_VISITOR_PARAMS.every((param) => !url.searchParams.has(param))
}

interface RenderedPage {
  status: number
  headers: [string, string][]
  body: string
}

export interface LandingPageCache {
  /** The page of `url` for `catalogVersion`: from memory, or rendered now (and kept if it can be). */
  serve(catalogVersion: string, url: URL, render: () => Promise<Response>): Promise<Response>
}

export function createLandingPageCache(): LandingPageCache {
  let version: string | undefined
  const pages = new Map<string, RenderedPage>()
  const respond = (page: RenderedPage) => new Response(page.body, { status: page.status, headers: page.headers })
  return {
    async serve(catalogVersion, url, render) {
      if (catalogVersion !== version) {
        // A new release: every page shows other prices now.
        pages.clear()
        version = catalogVersion
      }
      const key = `${url.pathname}${url.search}`
      const cached = pages.get(key)
      if (cached) return respond(cached)
      const response = await render()
      // Only a plain success is the same for everyone: not an error page, nothing private, no cookie of its own.
      if (response.status !== 200 || response.headers.has('set-cookie') || /no-store|private/.test(response.headers.get('cache-control') ?? '')) return response
      const page = { status: response.status, headers: [...response.headers], body: await response.text() }
      if (catalogVersion === version) {
        if (pages.size >= MAX_CACHED_PAGES) pages.delete(pages.keys().next().value!)
        pages.set(key, page)
      }
      return respond(page)
    },
  }
}
