import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateTo, migrateToLatest } from '../../db/migrate'
import { orderSearchGrams } from '../../server/domain/search-grams'
import { slaThresholds } from '../../server/domain/fulfilment-sla'
import { queueOrders } from '../../server/repositories/order-queue-repository'
import { COMMON_GRAM_ORDERS, indexQueuedOrders, searchCandidates } from '../../server/repositories/order-search-repository'
import { indexQueuedOrdersNow, startSearchIndexJob } from '../../server/services/search-index-job'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { createTestApi, useSeededApi } from '../support/test-api'
import { createSeededDatabase, databaseKinds } from '../support/test-database'

const NOW = new Date('2026-11-22T03:00:00.000Z')

describe.each(databaseKinds)('orders queued for the search index on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db

  async function placeOrder(mobile: string): Promise<{ id: string; number: string }> {
    seeded.api.setNow(NOW)
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id, { contact: { name: '李雷', mobile, email: 'li.lei@example.com' } }))
    expect(response.status).toBe(201)
    return response.json()
  }
  const search = async (q: string) => (await queueOrders(db(), 'all', { q, limit: 100 }, slaThresholds(NOW), undefined, 100)).map((row) => row.number)
  const gramsOf = async (orderId: string) => (await db().selectFrom('order_search_grams').select('gram').where('order_id', '=', orderId).orderBy('gram').execute()).map((row) => row.gram)
  const queued = async () => (await db().selectFrom('order_search_backlog').select('order_id').execute()).map((row) => row.order_id)

  it('finds an order the moment it is placed, queued and not yet under its trigrams, and as well once indexed', async () => {
    await indexQueuedOrdersNow({ db: db() })
    const order = await placeOrder('13955501234')
    expect(await queued()).toEqual([order.id])
    expect(await gramsOf(order.id)).toEqual([])
    // Narrowed by trigrams (the number's are those of no indexed order), the queued order is still a candidate.
    expect(await search(order.number)).toEqual([order.number])
    expect(await search('5550123')).toEqual([order.number])

    expect(await indexQueuedOrdersNow({ db: db() })).toBe(1)
    expect(await queued()).toEqual([])
    const row = await db().selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()
    expect(await gramsOf(order.id)).toEqual([...orderSearchGrams(row)].sort())
    expect(await search(order.number)).toEqual([order.number])
    expect(await search('5550123')).toEqual([order.number])
    // Nothing left: the next pass does nothing.
    expect(await indexQueuedOrdersNow({ db: db() })).toBe(0)
  })

  it('is indexed by the server’s periodic job, which takes the whole queue in batches', async () => {
    const orders = [await placeOrder('13955503001'), await placeOrder('13955503002')]
    const failures: unknown[] = []
    const job = startSearchIndexJob({ db: db(), log: (error) => void failures.push(error) }, { intervalMs: 20 })
    try {
      await expect.poll(async () => (await queued()).length === 0 || failures.length > 0, { timeout: 5_000, interval: 20 }).toBe(true)
    } finally {
      await job.stop()
    }
    expect(failures).toEqual([])
    expect(await queued()).toEqual([])
    for (const order of orders) expect((await gramsOf(order.id)).length).toBeGreaterThan(20)
  })

  it('scans instead of naming candidates while the queue is longer than a narrowing allows (the job behind), and still finds the order', async () => {
    await indexQueuedOrdersNow({ db: db() })
    const order = await placeOrder('13955504001')
    const behind = Array.from({ length: COMMON_GRAM_ORDERS + 1 }, (_, index) => ({ order_id: `not-yet-indexed-${index}`, queued_at: NOW.toISOString() }))
    for (let start = 0; start < behind.length; start += 500) await db().insertInto('order_search_backlog').values(behind.slice(start, start + 500)).execute()
    try {
      expect(await searchCandidates(db(), ['139'])).toBeUndefined()
      expect(await search('5550400')).toEqual([order.number])
      expect(await search(order.number)).toEqual([order.number])
    } finally {
      await db().deleteFrom('order_search_backlog').where('order_id', 'like', 'not-yet-indexed-%').execute()
    }
  })

  it('indexes the oldest queued orders first, as many as a batch holds, and a trigram twice does no harm', async () => {
    await indexQueuedOrdersNow({ db: db() })
    const first = await placeOrder('13955502001')
    const second = await placeOrder('13955502002')
    await db().updateTable('order_search_backlog').set({ queued_at: '2026-11-22T03:00:00.000Z' }).where('order_id', '=', first.id).execute()
    await db().updateTable('order_search_backlog').set({ queued_at: '2026-11-22T03:00:01.000Z' }).where('order_id', '=', second.id).execute()
    // Another indexer got to one of the first order's trigrams already.
    await db().insertInto('order_search_grams').values({ gram: first.number.slice(0, 3), order_id: first.id }).execute()
    expect(await db().transaction().execute((trx) => indexQueuedOrders(trx, 1))).toBe(1)
    expect(await queued()).toEqual([second.id])
    expect((await gramsOf(first.id)).length).toBeGreaterThan(20)
    expect(await db().transaction().execute((trx) => indexQueuedOrders(trx, 1))).toBe(1)
    expect(await queued()).toEqual([])
  })
})

describe.each(databaseKinds)('migration 0022 (the search backlog) on %s', (kind) => {
  it('going back puts the orders still queued under their trigrams', async () => {
    const database = await createSeededDatabase(kind)
    const api = createTestApi(database)
    const db = database.db as Kysely<any>
    try {
      api.setNow(NOW)
      const quote = await createQuote(api)
      const order = (await (await postOrder(api, orderBody(quote.id))).json()) as { id: string }
      expect((await migrateTo(db, '0021-order-write-indexes')).error).toBeUndefined()
      const row = await database.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()
      const grams = await db.selectFrom('order_search_grams').select('gram').where('order_id', '=', order.id).orderBy('gram').execute()
      expect(grams.map((gram) => gram.gram)).toEqual([...orderSearchGrams(row)].sort())
      expect(await migrateToLatest(db)).toEqual(['0022-order-search-backlog', '0023-quote-json-lz4'])
    } finally {
      await database.drop()
    }
  })
})
