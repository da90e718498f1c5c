import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_GENERATE_NOW, generateCity } from '../../db/generate/generate'
import { slaThresholds } from '../../server/domain/fulfilment-sla'
import { queueOrders } from '../../server/repositories/order-queue-repository'
import { rarestSearchGram } from '../../server/repositories/order-search-repository'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/** Off: every search narrows by its rarest trigram as in production. On: the plain scan, the reference. */
const scanOnly = vi.hoisted(() => ({ on: false }))
vi.mock('../../server/repositories/order-search-repository', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/repositories/order-search-repository')>()
  return { ...original, rarestSearchGram: (...args: Parameters<typeof original.rarestSearchGram>) => (scanOnly.on ? Promise.resolve(undefined) : original.rarestSearchGram(...args)) }
})

describe.each(databaseKinds)('the queue search index on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('finds exactly what a scan of every order finds, for parts of numbers, names, credit codes and mobiles as staff type them', async () => {
    const db = seeded.database.db
    await generateCity(db, { scale: 0.003, seed: 11, now: DEFAULT_GENERATE_NOW, force: false })
    const sample = await db.selectFrom('orders').select(['number', 'company_name', 'credit_code', 'contact_mobile']).orderBy('id').limit(6).execute()
    const fullWidth = (text: string) => text.replace(/[0-9A-Z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
    const searches = [
      ...sample.flatMap((order) => [
        order.number,
        order.number.replace('-', ''),
        order.number.slice(4, 12).toLowerCase(),
        [...order.company_name].slice(2, 6).join(''),
        order.credit_code.slice(5, 14),
        order.contact_mobile,
        order.contact_mobile.slice(-5),
        `${order.contact_mobile.slice(0, 3)} ${order.contact_mobile.slice(3, 7)} ${order.contact_mobile.slice(7)}`,
        `+86${order.contact_mobile}`,
        fullWidth(order.credit_code.slice(0, 10)),
      ]),
      '有限公司',
      '上海',
      'SO',
      '无此公司',
      '99999999',
    ]
    const staff = 'all' as const
    const search = async (q: string) => (await queueOrders(db, staff, { q, limit: 1_000 }, slaThresholds(DEFAULT_GENERATE_NOW), undefined, 1_000)).map((row) => row.number)
    for (const q of searches) {
      scanOnly.on = true
      const scanned = await search(q)
      scanOnly.on = false
      expect(await search(q), q).toEqual(scanned)
    }
    // The index is used, and the searches are not all empty: each sampled order is found by its own mobile.
    for (const order of sample) {
      expect(await rarestSearchGram(db, order.contact_mobile)).toMatch(/^\d{3}$/)
      expect(await search(order.contact_mobile)).toContain(order.number)
    }
  }, 120_000)
})
