/**
 * An order number as staff type or paste it: NFKC (full-width ｓｏ… from an input method), without
 * spaces, upper case, and with its dash where it was left out (SO261201CR9CKN is SO261201-CR9CKN).
 * Anything else comes back cleaned, to be refused as an unknown order.
 */
export function typedOrderNumber(text: string): string {
  const cleaned = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  const parts = /^(SO\d{6})-?([A-Z0-9]{6})$/.exec(cleaned)
  return parts ? `${parts[1]}-${parts[2]}` : cleaned
}
