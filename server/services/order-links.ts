import type { Lang } from '../notifications/messages'

/** The customer's links to an order: its tracking page and, while it waits for it, online payment. */
export function orderLinks(siteUrl: string, lang: Lang, number: string, token: string) {
  const query = `token=${encodeURIComponent(token)}`
  return {
    tracking: `${siteUrl}${lang === 'en' ? '/en' : ''}/orders/${number}?${query}`,
    payment: `${siteUrl}/api/orders/${number}/checkout?${query}`,
  }
}
