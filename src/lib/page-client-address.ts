import type { AstroGlobal } from 'astro'
import { addressOfClient } from '../../server/services/rate-limits'
import type { Services } from '../../server/services/services'

/** The address a page's request is limited under: the same as the API's for the same client. */
export function pageClientAddress(astro: Pick<AstroGlobal, 'request' | 'clientAddress'>, services: Pick<Services, 'trustProxy'>): string {
  let peer: string | undefined
  try {
    peer = astro.clientAddress
  } catch {
    // Astro throws when the adapter cannot tell (never with @astrojs/node): limited as 'unknown'.
  }
  return addressOfClient(astro.request.headers.get('x-forwarded-for') ?? undefined, peer, services.trustProxy)
}
