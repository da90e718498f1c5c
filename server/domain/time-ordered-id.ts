import { randomBytes } from 'node:crypto'

let lastMillis = 0
let sequence = 0

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter within the
 * millisecond, then random bits. Ids made one after another in a process sort in the order they were
 * made, so rows written in the same instant (one command's several audit rows) keep their order.
 */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now
    sequence = 0
  } else if (++sequence > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond rather than repeat an order.
    lastMillis++
    sequence = 0
  }
  const bytes = randomBytes(16)
  bytes.writeUIntBE(lastMillis, 0, 6)
  bytes[6] = 0x70 | (sequence >> 8)
  bytes[7] = sequence & 0xff
  bytes[8] = 0x80 | (bytes[8] & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
