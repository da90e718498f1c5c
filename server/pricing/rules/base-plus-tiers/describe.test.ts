import { describe, it, expect } from 'vitest'
import { describeOffering } from '../../describe-offering'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalog, catalogWithRule, expectReadableAmounts, quote, termsOf, wordsOf } from '../../testing'

/** business-plus in words (base_plus_tiers): each tier's minimum, VAS, excess rule and waiver, from the args. */

const langs = ['zh', 'en'] as const
const offering = catalog.offerings.get('business-plus')!
// T1000, actual = 25 + 630 + 445 = 1100: excess ¥100
const t1000: QuoteRequestInput = {
  offering: 'business-plus',
  termMonths: 12,
  options: { tier: 'T1000' },
  items: { 'fixed-line': 1, 'bb-100': 1 },
  customer: { status: 'new' },
  usage: { local_voice: 44500 },
}
const off = { zh: { 9000: '9折', 8500: '8.5折' }, en: { 9000: '10% off', 8500: '15% off' } }
const names = {
  zh: { ringback: '集团彩铃', cloudMail: '企业云邮箱', staticIp: '固定公网IP', allInstallsFree: '免全部安装费' },
  en: { ringback: 'Corporate ringback tone', cloudMail: 'Business cloud mail', staticIp: 'Static public IP', allInstallsFree: 'every installation free' },
}

describe('business-plus description', () => {
  it.each(langs)('%s: price and terms state each tier’s minimum with what it includes; T1000 its excess rate and free installs', (lang) => {
    const words = wordsOf(describeOffering(catalog, offering), lang)
    for (const part of [words.price, words.terms]) {
      const [t300, t600, t1000Sentence] = ['T300', 'T600', 'T1000'].map((id) => part.split('\n').find((sentence) => sentence.startsWith(id))!)
      expect(t300).toContain('¥300.00')
      expect(t300).toContain(names[lang].ringback)
      expect(t300).not.toContain(names[lang].cloudMail)
      expect(t600).toContain('¥600.00')
      expect(t600).toContain(names[lang].cloudMail)
      expect(t600).not.toContain(names[lang].staticIp)
      expect(t1000Sentence).toContain('¥1,000.00')
      expect(t1000Sentence).toContain(off[lang][9000])
      expect(t1000Sentence).toContain(names[lang].staticIp)
      expect(t1000Sentence).toContain(names[lang].allInstallsFree)
    }
  })

  it('a quote’s terms name its own tier only', () => {
    const terms = termsOf(quote({ ...t1000, options: { tier: 'T600' } }), 'en')
    expect(terms).toContain('¥600.00')
    expect(terms).not.toContain('T300')
    expect(terms).not.toContain('T1000')
  })

  it('every amount is readable', () => {
    expectReadableAmounts(describeOffering(catalog, offering))
  })

  it('follows T1000’s excess rate (90 % → 85 %) of the price book data: bill, description and terms', () => {
    const changed = catalogWithRule('business-plus', (rule) => {
      rule.tiers.find((tier: { id: string }) => tier.id === 'T1000').excessRateBp = 8500
    })
    // 1000 + 90 % × 100 = 1090; with 85 %: 1085
    expect(quote(t1000).monthly.estimatedBill).toBe(109000)
    const q = quote(t1000, changed)
    expect(q.monthly.estimatedBill).toBe(108500)
    for (const lang of langs) {
      const words = wordsOf(describeOffering(changed, changed.offerings.get('business-plus')!), lang)
      for (const part of [words.price, words.terms, termsOf(q, lang)]) {
        expect(part).toContain(off[lang][8500])
        expect(part).not.toContain(off[lang][9000])
      }
    }
  })
})
