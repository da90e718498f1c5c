import { randomBytes } from 'node:crypto'

const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/**
 * SO + Shanghai date + 6 characters nobody misreads on the phone: SO261122-7K3F9Q. About a billion a
 * day, so two orders of one day may draw the same one (a load of 30,000 orders did): the caller
 * draws again when the number is taken.
 */
export function orderNumber(now: Date): string {
  const day = new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(2, 10).replace(/-/g, '')
  const random = [...randomBytes(6)].map((byte) => NUMBER_ALPHABET[byte % NUMBER_ALPHABET.length]).join('')
  return `SO${day}-${random}`
}
