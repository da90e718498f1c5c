import { describe, it, expect } from 'vitest'
import { describeOffering } from '../../describe-offering'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalog, catalogWithRule, expectReadableAmounts, monthlyLines, quote, termsOf, wordsOf } from '../../testing'

/** fixed-broadband in words (fixed_monthly_package): baseline, excess tiers and waiver from the args. */

const langs = ['zh', 'en'] as const
const offering = catalog.offerings.get('fixed-broadband')!
/** How a paid rate reads: 9000 → 9折 / 10% off. */
const off = { zh: { 9000: '9折', 8500: '8.5折', 8000: '8折' }, en: { 9000: '10% off', 8500: '15% off', 8000: '20% off' } }
// E = 200 exactly: actual = 300 + 25 + 200 + 75 = 600, S = 400
const request: QuoteRequestInput = {
  offering: 'fixed-broadband',
  termMonths: 12,
  items: { 'fixed-line': 1, 'bb-100': 1 },
  customer: { status: 'new' },
  usage: { local_voice: 20000, long_distance: 7500 },
}

describe('fixed-broadband description', () => {
  it.each(langs)('%s: price states the voice base, each baseline, both excess tiers and the waiver', (lang) => {
    const { price } = wordsOf(describeOffering(catalog, offering), lang)
    expect(price).toContain('¥100.00') // A
    expect(price).toContain('¥400.00') // 100 + 300 with bb-100
    expect(price).toContain('¥600.00') // 100 + 500 with bb-300
    expect(price).toContain('¥200.00') // the first excess tier
    expect(price).toContain(off[lang][9000])
    expect(price).toContain(off[lang][8000])
    expect(price).toContain(lang === 'zh' ? '新客户' : 'new customers')
  })

  it.each(langs)('%s: terms state the excess tiers and the floor at prior spend for existing customers; the FAQ too', (lang) => {
    const { terms, faq } = wordsOf(describeOffering(catalog, offering), lang)
    for (const part of [terms, termsOf(quote(request), lang)]) {
      expect(part).toContain('¥200.00')
      expect(part).toContain(off[lang][9000])
      expect(part).toContain(off[lang][8000])
      expect(part).toContain(lang === 'zh' ? '老客户' : 'existing customers')
    }
    expect(faq).toContain(lang === 'zh' ? '近3个月' : 'last 3 months')
  })

  it('every amount is readable', () => {
    expectReadableAmounts(describeOffering(catalog, offering))
  })

  it('follows the first excess tier’s rate (90 % → 85 %) of the price book data: bill, description and terms', () => {
    const changed = catalogWithRule('fixed-broadband', (rule) => {
      rule.excessTiers[0].rateBp = 8500
    })
    // E = 20000: 90 % = 18000; 85 % = 17000
    expect(quote(request).monthly.estimatedBill).toBe(58000)
    const q = quote(request, changed)
    expect(q.monthly.estimatedBill).toBe(57000)
    expect(monthlyLines(q).at(-1)).toEqual(['excess_tier_1', 17000, 'fixed_monthly_package.excess_tier'])

    for (const lang of langs) {
      const words = wordsOf(describeOffering(changed, changed.offerings.get('fixed-broadband')!), lang)
      for (const part of [words.price, words.terms, termsOf(q, lang)]) {
        expect(part).toContain(off[lang][8500])
        expect(part).not.toContain(off[lang][9000])
      }
    }
  })
})
