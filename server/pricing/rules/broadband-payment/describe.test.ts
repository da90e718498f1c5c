import { describe, it, expect } from 'vitest'
import { describeOffering } from '../../describe-offering'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalog, catalogWithComponent, catalogWithRule, expectReadableAmounts, oneTimeLines, quote, termsOf, wordsOf } from '../../testing'

/** bb-express in words (broadband_payment): each payment's prices from the args and the tariffs. */

const langs = ['zh', 'en'] as const
const offering = catalog.offerings.get('bb-express')!
const request = (payment: string): QuoteRequestInput => ({
  offering: 'bb-express',
  termMonths: 0,
  options: { payment },
  items: { 'bb-100': 1 },
  customer: { status: 'new' },
})

describe('bb-express description', () => {
  it.each(langs)('%s: price states each speed’s monthly price and each prepayment (months × term price)', (lang) => {
    const { price } = wordsOf(describeOffering(catalog, offering), lang)
    const [monthly, prepay6, prepay12] = price.split('\n')
    for (const amount of ['¥630.00', '¥880.00', '¥1,680.00']) expect(monthly).toContain(amount)
    // 6 × 465, 6 × 650, 6 × 1240
    for (const amount of ['¥2,790.00', '¥3,900.00', '¥7,440.00']) expect(prepay6).toContain(amount)
    // 12 × 333, 12 × 468, 12 × 888
    for (const amount of ['¥3,996.00', '¥5,616.00', '¥10,656.00']) expect(prepay12).toContain(amount)
    expect(prepay6).toContain(lang === 'zh' ? '安装费另计' : 'installation charged')
    expect(prepay12).toContain(lang === 'zh' ? '免安装费' : 'installation free')
  })

  it.each(langs)('%s: a prepayment’s terms and FAQ say it is non-refundable and what is billed after it', (lang) => {
    const words = wordsOf(describeOffering(catalog, offering), lang)
    for (const part of [words.terms, words.faq, termsOf(quote(request('prepay-12')), lang)]) {
      expect(part).toContain(lang === 'zh' ? '不予退还' : 'non-refundable')
      for (const amount of ['¥630.00', '¥880.00', '¥1,680.00']) expect(part).toContain(amount)
    }
    expect(termsOf(quote(request('monthly')), lang)).not.toContain(lang === 'zh' ? '不予退还' : 'non-refundable')
  })

  it('every amount is readable', () => {
    expectReadableAmounts(describeOffering(catalog, offering))
  })

  it('follows the 100M tariffs of the price book data (monthly 630 → 600, 6-month 465 → 450): bill, description and terms', () => {
    const changed = catalogWithComponent('bb-100', (component) => {
      component.monthly = 60000
      component.termPrices.find((price: { termMonths: number }) => price.termMonths === 6).monthly = 45000
    })
    const q = quote(request('prepay-6'), changed)
    expect(oneTimeLines(q)).toEqual([
      ['bb-100:install', 30000, false, 'broadband_payment.standard_install'],
      ['prepay', 270000, false, 'broadband_payment.prepay'],
    ])
    // months 7–12 at the new monthly price
    expect(q.schedule.map((month) => month.bill)).toEqual([...Array(6).fill(0), ...Array(6).fill(60000)])

    for (const lang of langs) {
      const words = wordsOf(describeOffering(changed, changed.offerings.get('bb-express')!), lang)
      expect(words.price).toContain('¥2,700.00')
      expect(words.price).not.toContain('¥2,790.00')
      for (const part of [words.price, words.terms, termsOf(q, lang)]) {
        expect(part).toContain('¥600.00')
        expect(part).not.toContain('¥630.00')
      }
    }
  })

  describe('a prepayment’s bonus credit, from its amount', () => {
    const withBonus = catalogWithRule('bb-express', (rule) => {
      rule.payments.find((payment: { id: string }) => payment.id === 'prepay-12').bonusCredit = 25000
    })
    const words = (lang: 'zh' | 'en') => wordsOf(describeOffering(withBonus, withBonus.offerings.get('bb-express')!), lang)

    it.each(langs)('%s: the price, the terms and the selling point state the bonus and its lapse', (lang) => {
      const { price, terms, highlights } = words(lang)
      const prepay12 = price.split('\n')[2]
      expect(prepay12).toContain(lang === 'zh' ? '另赠¥250.00话费额度（首月可用，当月不用作废）' : 'plus ¥250.00 of bonus credit (month 1 only; lapses if unused)')
      expect(price.split('\n')[1]).not.toContain('¥250.00')
      expect(terms).toContain(
        lang === 'zh'
          ? '预付12个月赠送的¥250.00话费额度仅限首月使用，不可累计、不可兑现，当月不用作废。'
          : 'The ¥250.00 bonus credit with Prepay 12 months is for month 1 only; it cannot be carried over or cashed and lapses if unused.',
      )
      expect(highlights).toContain(lang === 'zh' ? '另赠¥250.00话费' : 'plus ¥250.00 bonus credit')
      expectReadableAmounts(describeOffering(withBonus, withBonus.offerings.get('bb-express')!))
    })

    it.each(langs)('%s: a quote’s terms state the bonus of its payment only', (lang) => {
      expect(termsOf(quote(request('prepay-12'), withBonus), lang)).toContain('¥250.00')
      expect(termsOf(quote(request('prepay-6'), withBonus), lang)).not.toContain('¥250.00')
    })

    it.each(langs)('%s: without a bonus nothing is said of one', (lang) => {
      const seed = wordsOf(describeOffering(catalog, offering), lang)
      expect(Object.values(seed).join('\n')).not.toMatch(lang === 'zh' ? /话费额度|另赠/ : /bonus/)
    })
  })
})
