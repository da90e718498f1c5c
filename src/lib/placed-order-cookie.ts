/**
 * Proof that an order was placed in this browser: once the checkout has placed an order it keeps the order's
 * tracking token for a day under the quote's id. Coming back to that quote's checkout (Back from the payment
 * page, a second tab) shows the order only to the holder of its token; anyone else is told the quote was ordered.
 */
export const PLACED_ORDER_MAX_AGE_SECONDS = 24 * 60 * 60

export function placedOrderCookieName(quoteId: string): string {
  return `placed-order-${encodeURIComponent(quoteId)}`
}
