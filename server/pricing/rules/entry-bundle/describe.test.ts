import { describe, it, expect } from 'vitest'
import { describeOffering } from '../../describe-offering'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalog, catalogWithRule, expectReadableAmounts, quote, termsOf, wordsOf } from '../../testing'

/** shangjiale in words (entry_bundle): entry price, what it covers and the usage rate, from the args. */

const langs = ['zh', 'en'] as const
const offering = catalog.offerings.get('shangjiale')!
const request: QuoteRequestInput = { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' }, usage: { local_voice: 10000 } }
const off = { zh: { 8500: '8.5折', 8000: '8折' }, en: { 8500: '15% off', 8000: '20% off' } }

describe('shangjiale description', () => {
  it.each(langs)('%s: price states the ¥99 entry, the lines it covers, the usage discount and the waived installs', (lang) => {
    const { price } = wordsOf(describeOffering(catalog, offering), lang)
    expect(price).toContain('¥99.00')
    expect(price).toContain(lang === 'zh' ? '商务手机' : 'Business mobile line')
    expect(price).toContain(lang === 'zh' ? '商务固话 × 2' : 'Business fixed line × 2')
    expect(price).toContain(off[lang][8500])
    expect(price).toContain(lang === 'zh' ? '免安装费' : 'installation free')
  })

  it.each(langs)('%s: terms state the entry price and the usage discount', (lang) => {
    for (const part of [wordsOf(describeOffering(catalog, offering), lang).terms, termsOf(quote(request), lang)]) {
      expect(part).toContain('¥99.00')
      expect(part).toContain(off[lang][8500])
    }
  })

  it('every amount is readable', () => {
    expectReadableAmounts(describeOffering(catalog, offering))
  })

  it('follows the usage rate (85 % → 80 %) of the price book data: bill, description and terms', () => {
    const changed = catalogWithRule('shangjiale', (rule) => {
      rule.usageRateBp = 8000
    })
    // 99 + 85 % × 100 = 184; 99 + 80 % × 100 = 179
    expect(quote(request).monthly.estimatedBill).toBe(18400)
    const q = quote(request, changed)
    expect(q.monthly.estimatedBill).toBe(17900)
    for (const lang of langs) {
      const words = wordsOf(describeOffering(changed, changed.offerings.get('shangjiale')!), lang)
      for (const part of [words.price, words.terms, termsOf(q, lang)]) {
        expect(part).toContain(off[lang][8000])
        expect(part).not.toContain(off[lang][8500])
      }
    }
  })
})
