import { describe, expect, it } from 'vitest'
import priceBook from '../../db/seed/price-book.json'
import { changedCopy } from '../../tests/support/changed-copy'
import { buildCatalog } from './catalog'
import { describeOffering } from './describe-offering'

/** Selling points: numbers come from the rule's args; the data's own points may not state any. */

const seedCatalog = buildCatalog('seed', priceBook as any)
const offeringOf = (book: any, slug: string) => book.offerings.find((offering: any) => offering.slug === slug)
const highlights = (book: any, slug: string, lang: 'zh' | 'en') => {
  const catalog = buildCatalog('changed', book)
  return describeOffering(catalog, catalog.offerings.get(slug)!).highlights.map((point) => point[lang])
}

describe('describeOffering highlights', () => {
  it('states the seed’s selling numbers, read from the rule data', () => {
    expect(highlights(priceBook, 'bb-express', 'zh')).toContain('预付12个月100M仅¥3,996.00，免安装费')
    expect(highlights(priceBook, 'local-ld-gift', 'en')[0]).toBe('Local calls from ¥200.00 a month earn ¥20.00–¥200.00 of long-distance credit')
    expect(highlights(priceBook, 'evergreen', 'en')).toContain('50% of any unused commitment goes to your care budget, at least ¥100.00 a month')
    expect(highlights(priceBook, 'evergreen-winback', 'zh')[0]).toBe('前6个月承诺消费仅1.05倍')
  })

  it('follows a change of the data: the 12-month price, a gift rate, the care floor', () => {
    const changed = changedCopy(priceBook, (book) => {
      book.components.find((component: any) => component.code === 'bb-100').termPrices.find((price: any) => price.termMonths === 12).monthly = 30000
      offeringOf(book, 'local-ld-gift').rule.giftTiers[0].rateBp = 2500
      offeringOf(book, 'evergreen').rule.care.minimum = 15000
    })
    expect(highlights(changed, 'bb-express', 'zh')).toContain('预付12个月100M仅¥3,600.00，免安装费')
    expect(highlights(changed, 'local-ld-gift', 'en')[0]).toContain('¥20.00–¥250.00')
    expect(highlights(changed, 'evergreen', 'en')).toContain('50% of any unused commitment goes to your care budget, at least ¥150.00 a month')
  })

  it('appends the offering’s qualitative points after the rule’s', () => {
    const offering = seedCatalog.offerings.get('business-plus')!
    expect(describeOffering(seedCatalog, offering).highlights.at(-1)).toEqual(offering.sellingPoints[0])
  })

  it.each([['a price', '月租¥25'], ['a rate', '全部通话85折'], ['full-width digits', '满２００送']])('refuses a data selling point that states %s', (_what, zh) => {
    const book = changedCopy(priceBook, (copy) => {
      offeringOf(copy, 'shangjiale').sellingPoints = [{ zh, en: 'words only' }]
    })
    expect(() => buildCatalog('bad', book)).toThrow(/may not state a number/)
  })
})
