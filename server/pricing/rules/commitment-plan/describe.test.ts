import { describe, it, expect } from 'vitest'
import { describeOffering } from '../../describe-offering'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalog, catalogWithRule, expectReadableAmounts, quote, termsOf, wordsOf } from '../../testing'

/** The evergreen offerings in words (commitment_plan): every number comes from the rule's args. */

const langs = ['zh', 'en'] as const
const evergreen = catalog.offerings.get('evergreen')!
const winback = catalog.offerings.get('evergreen-winback')!
const X100: [number, number, number] = [100000, 100000, 100000]
const request = (local_voice: number, plan = 'A'): QuoteRequestInput => ({
  offering: 'evergreen',
  termMonths: 12,
  options: { plan },
  customer: { status: 'existing', priorMonthlySpend: X100 },
  usage: { local_voice },
})

describe('evergreen description', () => {
  it.each(langs)('%s: price and terms state each plan’s commitment and allowance multiples, X’s limits, the care share and floor', (lang) => {
    const words = wordsOf(describeOffering(catalog, evergreen), lang)
    for (const part of [words.price, words.terms]) {
      expect(part).toMatch(/A[^\n]* 1\.1X[^\n]* 1\.5X/)
      expect(part).toMatch(/B[^\n]* 1X[^\n]* 1\.3X/)
      expect(part).toMatch(/C[^\n]* 0\.9X[^\n]* 1\.1X/)
      expect(part).toContain('¥500.00')
      expect(part).toContain('¥200,000.00')
      expect(part).toContain(lang === 'zh' ? '每6个月' : 'every 6 months')
      expect(part).toContain('50%')
      expect(part).toContain('¥100.00')
    }
    // the worked example: X = ¥8,000 on plan A pays 1.1X = ¥8,800 and may use 1.5X = ¥12,000
    expect(words.price).toContain('¥8,000.00')
    expect(words.price).toContain('¥8,800.00')
    expect(words.price).toContain('¥12,000.00')
    // the early-termination rule: 10 % of the commitment per remaining month
    expect(words.terms).toContain('10%')
  })

  it.each(langs)('%s: the FAQ answers how X is worked out and what using less earns, with the numbers', (lang) => {
    const { faq } = wordsOf(describeOffering(catalog, evergreen), lang)
    expect(faq).toContain('¥500.00')
    expect(faq).toContain('¥200,000.00')
    expect(faq).toContain('50%')
    expect(faq).toContain('¥100.00')
  })

  it('a quote’s terms name its own plan only', () => {
    const terms = termsOf(quote(request(0, 'B')), 'en')
    expect(terms).toContain('1.3X')
    expect(terms).not.toContain('1.5X')
    expect(terms).toContain('¥100.00')
  })

  it.each(langs)('%s: win-back states its introductory 1.05X for 6 months and its example price', (lang) => {
    const words = wordsOf(describeOffering(catalog, winback), lang)
    for (const part of [words.price, words.terms]) {
      expect(part).toContain('1.05X')
      expect(part).toContain(lang === 'zh' ? '前6个月' : 'first 6 months')
    }
    // 1.05 × ¥8,000
    expect(words.price).toContain('¥8,400.00')
  })

  it('every amount is readable', () => {
    expectReadableAmounts(describeOffering(catalog, evergreen))
    expectReadableAmounts(describeOffering(catalog, winback))
  })

  it('follows the care share (50 % → 40 %) and floor (¥100 → ¥150) of the price book data: quote, description and terms', () => {
    const changed = catalogWithRule('evergreen', (rule) => {
      rule.care.shareBp = 4000
      rule.care.minimum = 15000
    })
    // seed: half of the unused 110000 = 55000; changed: 40 % = 44000
    expect(quote(request(0)).monthly.careCredit).toBe(55000)
    expect(quote(request(0), changed).monthly.careCredit).toBe(44000)
    // use = commitment: only the floor
    expect(quote(request(110000)).monthly.careCredit).toBe(10000)
    expect(quote(request(110000), changed).monthly.careCredit).toBe(15000)
    // gap 20000: 40 % = 8000, raised to the new floor
    expect(quote(request(90000), changed).monthly.careCredit).toBe(15000)

    for (const lang of langs) {
      const words = wordsOf(describeOffering(changed, changed.offerings.get('evergreen')!), lang)
      const terms = termsOf(quote(request(0), changed), lang)
      for (const part of [words.price, words.terms, words.faq, terms]) {
        expect(part).toContain('40%')
        expect(part).toContain('¥150.00')
        expect(part).not.toContain('50%')
        expect(part).not.toContain('¥100.00')
      }
    }
  })
})
