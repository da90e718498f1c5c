import { describe, expect, it } from 'vitest'
import priceBook from '../../../db/seed/price-book.json'
import { changedCopy } from '../../../tests/support/changed-copy'
import { buildCatalog } from '../../pricing/catalog'
import type { PriceBookInput } from '../../pricing/catalog-schema'
import { compareOfferingTexts } from './offering-texts'

const today = buildCatalog('today', priceBook as PriceBookInput)
const offeringOf = (book: any, slug: string) => book.offerings.find((offering: { slug: string }) => offering.slug === slug)
const draftOf = (change: (book: any) => void) => buildCatalog('draft', changedCopy(priceBook, change))
const partOf = (compared: ReturnType<typeof compareOfferingTexts>[number], key: string) => compared.parts.find((part) => part.key === key)!

describe("a draft's offerings' texts beside today's", () => {
  it('lists nothing for an unchanged catalog', () => {
    expect(compareOfferingTexts(today, buildCatalog('copy', structuredClone(priceBook) as PriceBookInput))).toEqual([])
  })

  it("marks plan B's sentence in the price and the contract terms when plan B commits to 1.05X, and nothing else of the evergreen", () => {
    const draft = draftOf((book) => (offeringOf(book, 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B').commitmentBp = 10_500))
    const [evergreen, ...rest] = compareOfferingTexts(today, draft)
    expect(rest).toEqual([])
    expect(evergreen).toMatchObject({ slug: 'evergreen', change: 'changed', textsDiffer: true })
    expect(evergreen!.parts.filter((part) => part.differs).map((part) => part.key)).toEqual(['price', 'terms'])
    for (const key of ['price', 'terms']) {
      const part = partOf(evergreen!, key)
      expect(part.today.filter((line) => line.changed).map((line) => line.text.en)).toEqual(['Plan B: commit to 1X a month and use services worth up to 1.3X.'])
      expect(part.draft.filter((line) => line.changed).map((line) => line.text.en)).toEqual(['Plan B: commit to 1.05X a month and use services worth up to 1.3X.'])
      expect(part.draft.filter((line) => line.changed).map((line) => line.text.zh)).toEqual(['B 计划：每月承诺 1.05X，可使用 1.3X 的服务。'])
    }
  })

  it('shows a changed early-termination rule in its own part and a new term length in the contract', () => {
    const draft = draftOf((book) => {
      offeringOf(book, 'shangjiale').earlyTermination = { perRemainingMonth: 4000, proRataWaivedOneTime: true }
      offeringOf(book, 'shangjiale').terms = [12, 24]
    })
    const [shangjiale] = compareOfferingTexts(today, draft)
    expect(shangjiale!.parts.filter((part) => part.differs).map((part) => [part.group, part.key])).toEqual(
      expect.arrayContaining([['contract', 'termLengths'], ['contract', 'earlyTermination']]),
    )
    const etf = partOf(shangjiale!, 'earlyTermination')
    expect(etf.today[0]).toMatchObject({ changed: true, text: { en: expect.stringContaining('¥30.00 per remaining month') } })
    expect(etf.draft[0]).toMatchObject({ changed: true, text: { en: expect.stringContaining('¥40.00 per remaining month') } })
    expect(partOf(shangjiale!, 'termLengths').draft.map((line) => [line.text.en, line.changed])).toEqual([['12 months', false], ['24 months', true]])
  })

  it('names an offering whose component price changed, and one whose data changed without changing its words', () => {
    const draft = draftOf((book) => {
      book.components.find((component: { code: string }) => component.code === 'bb-100').monthly += 1000
      offeringOf(book, 'fixed-mobile').items[0].max = 6
    })
    const compared = compareOfferingTexts(today, draft)
    const bbExpress = compared.find((entry) => entry.slug === 'bb-express')!
    expect(bbExpress.textsDiffer).toBe(true)
    expect(compared.find((entry) => entry.slug === 'fixed-mobile')).toMatchObject({ change: 'changed', textsDiffer: false })
    // Shangjiale sells no bb-100: not listed.
    expect(compared.map((entry) => entry.slug)).not.toContain('shangjiale')
  })

  it("shows an added offering with the draft's side only and a removed one with today's only", () => {
    const draft = draftOf((book) => {
      book.offerings.push({ ...structuredClone(offeringOf(book, 'shangjiale')), slug: 'shangjiale-plus', name: { zh: '商家乐升级版', en: 'Shangjiale Plus' } })
      book.offerings = book.offerings.filter((offering: { slug: string }) => offering.slug !== 'local-ld-gift')
    })
    const compared = compareOfferingTexts(today, draft)
    expect(compared.map((entry) => [entry.slug, entry.change])).toEqual([['shangjiale-plus', 'added'], ['local-ld-gift', 'removed']])
    const [added, removed] = compared
    expect(added!.parts.every((part) => part.today.length === 0)).toBe(true)
    expect(partOf(added!, 'name').draft).toEqual([{ text: { zh: '商家乐升级版', en: 'Shangjiale Plus' }, changed: true }])
    expect(removed!.parts.every((part) => part.draft.length === 0)).toBe(true)
    expect(partOf(removed!, 'earlyTermination').today[0]!.changed).toBe(true)
  })
})
