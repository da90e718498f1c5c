import { randomUUID } from 'node:crypto'

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
  // The random bits are a version 4 UUID's, after its version digit: Node draws those from a buffer
  // it refills in bulk, where randomBytes(16) asked the system for each id (a twentieth of a stored
  // quote's time, profiled). Its variant digit (8 to b) is kept as the variant of this one.
  const random = randomUUID()
  const time = lastMillis.toString(16).padStart(12, '0')
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-${random.slice(19)}`
}
