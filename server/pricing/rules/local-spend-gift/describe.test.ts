import { describe, it, expect } from 'vitest'
import { describeOffering } from '../../describe-offering'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalog, catalogWithRule, expectReadableAmounts, quote, termsOf, wordsOf } from '../../testing'

/** local-ld-gift in words (local_spend_gift): each tier's threshold × rate = credit, from the args. */

const langs = ['zh', 'en'] as const
const offering = catalog.offerings.get('local-ld-gift')!
const request = (local_voice: number): QuoteRequestInput => ({
  offering: 'local-ld-gift',
  termMonths: 0,
  items: { 'fixed-line': 1 },
  customer: { status: 'new' },
  usage: { local_voice },
})

describe('local-ld-gift description', () => {
  it.each(langs)('%s: price and terms state every tier as threshold × rate = credit', (lang) => {
    const words = wordsOf(describeOffering(catalog, offering), lang)
    for (const part of [words.price, words.terms, termsOf(quote(request(0)), lang)]) {
      expect(part).toContain('¥200.00 × 10% = ¥20.00')
      expect(part).toContain('¥500.00 × 15% = ¥75.00')
      expect(part).toContain('¥1,000.00 × 20% = ¥200.00')
    }
    // the selling point: from the lowest threshold, the range of credits
    expect(words.highlights).toContain('¥20.00–¥200.00')
  })

  it.each(langs)('%s: the FAQ says the credit lapses', (lang) => {
    expect(wordsOf(describeOffering(catalog, offering), lang).faq).toMatch(lang === 'zh' ? /作废/ : /lapses/)
  })

  it('every amount is readable', () => {
    expectReadableAmounts(describeOffering(catalog, offering))
  })

  it('follows the ¥500 tier’s rate (15 % → 12 %) of the price book data: gift, description and terms', () => {
    const changed = catalogWithRule('local-ld-gift', (rule) => {
      rule.giftTiers.find((tier: { minLocalVoice: number }) => tier.minLocalVoice === 50000).rateBp = 1200
    })
    // ¥500 × 12 % = ¥60
    expect(quote(request(60000)).gifts.map((gift) => gift.amount)).toEqual([7500])
    expect(quote(request(60000), changed).gifts.map((gift) => gift.amount)).toEqual([6000])
    // the other tiers keep their rates
    expect(quote(request(100000), changed).gifts.map((gift) => gift.amount)).toEqual([20000])

    for (const lang of langs) {
      const words = wordsOf(describeOffering(changed, changed.offerings.get('local-ld-gift')!), lang)
      for (const part of [words.price, words.terms, termsOf(quote(request(60000), changed), lang)]) {
        expect(part).toContain('¥500.00 × 12% = ¥60.00')
        expect(part).not.toContain('15%')
      }
    }
  })

  describe('the lapse, from giftLapsesAfterMonths', () => {
    const lapsingAfter = (months: number) =>
      catalogWithRule('local-ld-gift', (rule) => {
        rule.giftLapsesAfterMonths = months
      })
    const words = (within: ReturnType<typeof lapsingAfter>, lang: 'zh' | 'en') => wordsOf(describeOffering(within, within.offerings.get('local-ld-gift')!), lang)

    it.each(langs)('%s: 1 month (the seed’s default): next month only, lapses if unused', (lang) => {
      const expected =
        lang === 'zh'
          ? '赠送的长途额度仅限次月使用，不可累计、不可兑现，当月不用作废。'
          : 'The long-distance credit is for the next month only; it cannot be carried over or cashed and lapses if unused.'
      for (const part of [words(catalog, lang).terms, words(catalog, lang).faq, termsOf(quote(request(0)), lang)]) expect(part).toContain(expected)
    })

    it.each(langs)('%s: 3 months is said as 3 months, in the terms, the FAQ, a quote’s terms and its gift', (lang) => {
      const changed = lapsingAfter(3)
      const expected =
        lang === 'zh'
          ? '赠送的长途额度自次月起3个月内有效，不可兑现，逾期不用作废。'
          : 'The long-distance credit can be used for 3 months from the next month; it cannot be cashed and lapses if unused by then.'
      const q = quote(request(60000), changed)
      for (const part of [words(changed, lang).terms, words(changed, lang).faq, termsOf(q, lang)]) {
        expect(part).toContain(expected)
        expect(part).not.toContain(lang === 'zh' ? '仅限次月' : 'next month only')
      }
      expect(q.gifts[0].label[lang]).toContain(lang === 'zh' ? '自次月起3个月内可用的长途额度，逾期作废' : 'usable for 3 months from next month; lapses if unused')
    })
  })
})
