import { createHash } from 'node:crypto'
import type { Pool } from 'pg'
import { writeBatches } from './write-batches'

/** Requests counted against one key in the current window. */
export interface RateCount {
  consumedPoints: number
  /** Until the window (and with it the count) ends. */
  msBeforeNext: number
}

export interface PostgresRateCounter {
  /** Counts one request against `key`, whose window lasts `durationMs` from its first request. */
  consume: (key: string, durationMs: number) => Promise<RateCount>
  /** The key's count in its current window, without counting; undefined when it has none. */
  get: (key: string) => Promise<RateCount | undefined>
  /** Deletes the counters whose window ended (the table would otherwise keep every address ever seen). */
  sweepExpired: () => Promise<void>
}

/** The table's key column is varchar(255). */
const KEY_LENGTH = 255

/**
 * The key as stored: as it is, or when longer than the column (a long e-mail address behind its
 * rule's name), its rule's name and a hash of it, so that one request's long key cannot fail the
 * statement that counts everyone's requests of the same moment.
 */
export const storedKey = (key: string): string =>
  key.length <= KEY_LENGTH ? key : `${key.slice(0, key.indexOf(':') + 1)}sha256:${createHash('sha256').update(key).digest('hex')}`

interface Waiting {
  durationMs: number
  callers: { resolve: (count: RateCount) => void; reject: (error: unknown) => void }[]
}

/**
 * Fixed-window counters in the rate_limits table every server process shares (rate-limiter-flexible's
 * layout: key, points, expire in epoch ms), counted in batches.
 *
 * One upsert per request made every request of one client address wait for the row lock of the one
 * before it (all of an office's requests share its address), one commit after another: quote
 * previews on PostgreSQL ran at a third of SQLite's rate. Here the requests of one turn of the event
 * loop are counted by one statement: each key's row is updated once, by the number of its requests,
 * and each request gets the count it would have had alone (the key's new total, less the requests
 * queued after it). Counts stay exact across processes: the rows are updated in place, in key order,
 * so two processes' batches never wait for each other in a cycle.
 *
 * One batch is in flight at a time, and the requests arriving meanwhile make the next: under load a
 * statement a turn was nearly two round trips per order placed, each waking a PostgreSQL backend on
 * the same cores (3 round trips more cost an order 12 % of its rate; measured with the order bench).
 */
export function createPostgresRateCounter(pool: Pool, clock: () => number = Date.now): PostgresRateCounter {
  let waiting = new Map<string, Waiting>()
  let reading = new Map<string, { resolve: (count: RateCount | undefined) => void; reject: (error: unknown) => void }[]>()
  const countSoon = writeBatches(countWaiting, () => waiting.size > 0, 1)
  const readSoon = writeBatches(readWaiting, () => reading.size > 0, 1)

  async function countWaiting() {
    const batch = [...waiting].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    waiting = new Map()
    const now = clock()
    try {
      const { rows } = await pool.query<{ key: string; points: number; expire: string }>({
        name: 'rate-count-batch',
        text: `insert into rate_limits (key, points, expire)
               select key, points, expire from unnest($1::varchar[], $2::integer[], $3::bigint[]) with ordinality as counted(key, points, expire, position)
               order by position
               on conflict (key) do update set
                 points = case when rate_limits.expire <= $4 then excluded.points else rate_limits.points + excluded.points end,
                 expire = case when rate_limits.expire <= $4 then excluded.expire else rate_limits.expire end
               returning key, points, expire`,
        values: [batch.map(([key]) => key), batch.map(([, { callers }]) => callers.length), batch.map(([, { durationMs }]) => now + durationMs), now],
      })
      const counted = new Map(rows.map((row) => [row.key, row]))
      for (const [key, { callers }] of batch) {
        const row = counted.get(key)!
        const msBeforeNext = Math.max(0, Number(row.expire) - now)
        callers.forEach(({ resolve }, index) => resolve({ consumedPoints: row.points - (callers.length - 1 - index), msBeforeNext }))
      }
    } catch (error) {
      for (const [, { callers }] of batch) for (const { reject } of callers) reject(error)
    }
  }

  /** Looks, one statement for the keys asked for in one turn of the event loop (each order asks once). */
  async function readWaiting() {
    const batch = [...reading]
    reading = new Map()
    const now = clock()
    try {
      const { rows } = await pool.query<{ key: string; points: number; expire: string }>({
        name: 'rate-count-get',
        text: 'select key, points, expire from rate_limits where key = any($1::varchar[]) and expire > $2',
        values: [batch.map(([key]) => key), now],
      })
      const found = new Map(rows.map((row) => [row.key, { consumedPoints: row.points, msBeforeNext: Number(row.expire) - now }]))
      for (const [key, callers] of batch) for (const { resolve } of callers) resolve(found.get(key))
    } catch (error) {
      for (const [, callers] of batch) for (const { reject } of callers) reject(error)
    }
  }

  return {
    consume: (key, durationMs) =>
      new Promise<RateCount>((resolve, reject) => {
        countSoon()
        const stored = storedKey(key)
        const entry = waiting.get(stored) ?? { durationMs, callers: [] }
        entry.callers.push({ resolve, reject })
        waiting.set(stored, entry)
      }),
    get: (key) =>
      new Promise<RateCount | undefined>((resolve, reject) => {
        readSoon()
        const stored = storedKey(key)
        const callers = reading.get(stored) ?? []
        callers.push({ resolve, reject })
        reading.set(stored, callers)
      }),
    sweepExpired: async () => {
      await pool.query({ name: 'rate-count-sweep', text: 'delete from rate_limits where expire <= $1', values: [clock()] })
    },
  }
}
