import { randomBytes } from 'node:crypto'

/** A Stripe-style object id: the prefix (`cs_test_`, `evt_test_`, …) and random alphanumerics. */
export const randomId = (prefix: string, length = 24) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return prefix + [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('')
}

/** Stripe timestamps are Unix seconds. */
export const nowSeconds = () => Math.floor(Date.now() / 1000)
