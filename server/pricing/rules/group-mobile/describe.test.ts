import { describe, it, expect } from 'vitest'
import { describeOffering } from '../../describe-offering'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalog, catalogWithRule, expectReadableAmounts, quote, termsOf, wordsOf } from '../../testing'

/** fixed-mobile in words (group_mobile): base, included usage and the long-distance rate, from the args. */

const langs = ['zh', 'en'] as const
const offering = catalog.offerings.get('fixed-mobile')!
const request: QuoteRequestInput = {
  offering: 'fixed-mobile',
  termMonths: 12,
  items: { 'mobile-line': 1 },
  customer: { status: 'existing', priorMonthlySpend: [15000, 15000, 15000] },
  usage: { long_distance: 10000 },
}
const off = { zh: { 8000: '8折', 7000: '7折' }, en: { 8000: '20% off', 7000: '30% off' } }

describe('fixed-mobile description', () => {
  it.each(langs)('%s: price and terms state the ¥50 base with ¥50 of local calls, ¥38 a mobile with ¥30 of usage, long distance 20 %% off', (lang) => {
    const words = wordsOf(describeOffering(catalog, offering), lang)
    for (const part of [words.price, words.terms, termsOf(quote(request), lang)]) {
      expect(part).toContain('¥50.00')
      expect(part).toContain('¥38.00')
      expect(part).toContain('¥30.00')
      expect(part).toContain(off[lang][8000])
    }
    expect(words.faq).toBe('')
  })

  it('every amount is readable', () => {
    expectReadableAmounts(describeOffering(catalog, offering))
  })

  it('follows the long-distance rate (80 % → 70 %) of the price book data: bill, description and terms', () => {
    const changed = catalogWithRule('fixed-mobile', (rule) => {
      rule.longDistanceRateBp = 7000
    })
    // 50 + 38 + 80 % × 100 = 168; with 70 %: 158
    expect(quote(request).monthly.estimatedBill).toBe(16800)
    const q = quote(request, changed)
    expect(q.monthly.estimatedBill).toBe(15800)
    for (const lang of langs) {
      const words = wordsOf(describeOffering(changed, changed.offerings.get('fixed-mobile')!), lang)
      for (const part of [words.price, words.terms, termsOf(q, lang)]) {
        expect(part).toContain(off[lang][7000])
        expect(part).not.toContain(off[lang][8000])
      }
    }
  })
})
