import { describe, expect, it } from 'vitest'
import { seedPriceBook } from '../../db/seed/seed'
import { saveCatalogVersion } from '../../server/repositories/catalog-repository'
import { changedCopy } from '../support/changed-copy'
import { publishPriceBook } from '../support/publish-catalog'
import { broadbandQuote, createQuote, orderBody, postOrder } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds, SEED_TIME } from '../support/test-database'

/** 商家乐 delivers its package (1 mobile + 2 fixed lines: 2 voice ports), not what the lines display. */
const shangjiale = { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' } } as const

describe.each(databaseKinds)('the quote’s catalog version is the one that counts, on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db

  it('makes the same price book a new catalog version when the rules that read it changed', async () => {
    const underV1Rules = await saveCatalogVersion(db(), seedPriceBook, SEED_TIME, 1)
    expect((await seeded.api.services.catalogs.current()).version).not.toBe(underV1Rules)
  })

  it('reserves the ports an older quote’s own version asks for, after the tariff changed', async () => {
    const quote = await createQuote(seeded.api, shangjiale)
    const twoPortLines = changedCopy(seedPriceBook, (book: any) => {
      book.components.find((component: { code: string }) => component.code === 'fixed-line').needs.voicePorts = 2
    })
    await publishPriceBook(db(), twoPortLines, SEED_TIME)

    const response = await postOrder(seeded.api, orderBody(quote.id))
    expect(response.status, await response.clone().text()).toBe(201)
    const order = await response.json()
    const row = await db().selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow()
    expect(row.voice_ports_reserved).toBe(2)
    const work = await db().selectFrom('work_orders').select(['kind', 'details_json']).where('order_id', '=', order.id).orderBy('kind').execute()
    expect(work.map((item) => [item.kind, JSON.parse(item.details_json).components])).toEqual([
      ['sim_delivery', [{ code: 'mobile-line', count: 1 }]],
      ['site_installation', [{ code: 'fixed-line', count: 2 }]],
    ])
  })

  it('installs every component of an older quote, also one the current catalog no longer has', async () => {
    const quote = await createQuote(seeded.api, { ...broadbandQuote, items: { 'bb-100': 1, 'static-ip': 1 } })
    const withoutStaticIp = changedCopy(seedPriceBook, (book: any) => {
      book.components = book.components.filter((component: { code: string }) => component.code !== 'static-ip')
      for (const offering of book.offerings) {
        offering.items = offering.items.filter((item: { code: string }) => item.code !== 'static-ip')
        for (const tier of offering.rule.tiers ?? []) tier.includedItems = tier.includedItems.filter((item: { code: string }) => item.code !== 'static-ip')
      }
    })
    await publishPriceBook(db(), withoutStaticIp, SEED_TIME)

    const order = await (await postOrder(seeded.api, orderBody(quote.id))).json()
    const work = await db().selectFrom('work_orders').select('details_json').where('order_id', '=', order.id).executeTakeFirstOrThrow()
    expect(JSON.parse(work.details_json).components).toEqual([
      { code: 'bb-100', count: 1 },
      { code: 'static-ip', count: 1 },
    ])
  })
})
