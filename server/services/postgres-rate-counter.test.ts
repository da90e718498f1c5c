import type { Pool } from 'pg'
import { describe, expect, it } from 'vitest'
import { createPostgresRateCounter } from './postgres-rate-counter'

/** A pool that answers each statement after `delayMs` as PostgreSQL would for the counting upsert, and records them. */
function slowPool(delayMs: number) {
  const statements: { name: string; keys: string[] }[] = []
  const totals = new Map<string, number>()
  const pool = {
    query: async ({ name, values }: { name: string; values: unknown[] }) => {
      const keys = values[0] as string[]
      statements.push({ name, keys })
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      if (name === 'rate-count-get') return { rows: keys.filter((key) => totals.has(key)).map((key) => ({ key, points: totals.get(key), expire: '9999999999999' })) }
      const counts = values[1] as number[]
      keys.forEach((key, index) => totals.set(key, (totals.get(key) ?? 0) + counts[index]))
      return { rows: keys.map((key) => ({ key, points: totals.get(key), expire: String(values[2] && (values[2] as number[])[0]) })) }
    },
  }
  return { pool: pool as unknown as Pool, statements }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('PostgreSQL rate counter batches', () => {
  it('counts the requests that arrive while a batch is in flight in one next statement, each request its own count', async () => {
    const { pool, statements } = slowPool(20)
    const counter = createPostgresRateCounter(pool, () => 1_000)
    const counts: Promise<{ consumedPoints: number }>[] = []
    // One request a turn of the event loop, as requests come in under load.
    for (let index = 0; index < 6; index++) {
      counts.push(counter.consume('orders:203.0.113.1', 60_000))
      await turn()
    }
    expect((await Promise.all(counts)).map((count) => count.consumedPoints)).toEqual([1, 2, 3, 4, 5, 6])
    expect(statements.map((statement) => statement.name)).toEqual(['rate-count-batch', 'rate-count-batch'])
  })

  it('reads the keys asked for while a read is in flight in one next statement', async () => {
    const { pool, statements } = slowPool(20)
    const counter = createPostgresRateCounter(pool, () => 1_000)
    const reads: Promise<unknown>[] = []
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      reads.push(counter.get(`offerCodes:${address}`))
      await turn()
    }
    await Promise.all(reads)
    expect(statements).toEqual([
      { name: 'rate-count-get', keys: ['offerCodes:203.0.113.1'] },
      { name: 'rate-count-get', keys: ['offerCodes:203.0.113.2', 'offerCodes:203.0.113.3'] },
    ])
  })

  it('a failed statement fails its own requests only, and the next batch still runs', async () => {
    const { pool } = slowPool(5)
    let failed = false
    const failingOnce = { query: (query: never) => (failed ? pool.query(query) : ((failed = true), Promise.reject(new Error('connection lost')))) }
    const counter = createPostgresRateCounter(failingOnce as unknown as Pool, () => 1_000)
    const outcome = (consumed: Promise<{ consumedPoints: number }>) => consumed.then((count) => count.consumedPoints, (error: Error) => error.message)
    const first = outcome(counter.consume('orders:203.0.113.1', 60_000))
    await turn()
    const second = outcome(counter.consume('orders:203.0.113.1', 60_000))
    expect(await Promise.all([first, second])).toEqual(['connection lost', 1])
  })
})
