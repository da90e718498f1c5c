import { describe, it, expect } from 'vitest'
import { type QuoteRequestInput } from '../../../schemas/quote-request'
import { catalogWithRule, monthlyLines, oneTimeLines, quote, refusal } from '../../testing'

/** PRICING.md §1, bb-express (broadband_payment): expectations computed by hand from the spec. */

const bills = (q: ReturnType<typeof quote>) => q.schedule.map((month) => month.bill)

const express = (payment: string | undefined, items: Record<string, number>, extra: Partial<QuoteRequestInput> = {}): QuoteRequestInput => ({
  offering: 'bb-express',
  termMonths: 0,
  options: payment ? { payment } : {},
  items,
  customer: { status: 'new' },
  ...extra,
})

describe('bb-express (broadband_payment)', () => {
  it('prepay-6 with a static IP: 6 × 650 prepaid, install charged, months 1–6 bill the IP only, 7–12 the monthly price', () => {
    const q = quote(express('prepay-6', { 'bb-300': 1, 'static-ip': 1 }))
    expect(oneTimeLines(q)).toEqual([
      ['bb-300:install', 30000, false, 'broadband_payment.standard_install'],
      ['prepay', 390000, false, 'broadband_payment.prepay'],
    ])
    expect(monthlyLines(q)).toEqual([
      ['bb-300', 0, 'broadband_payment.prepaid'],
      ['static-ip', 10000, 'broadband_payment.standard_monthly'],
    ])
    expect(q.oneTime.total).toBe(420000)
    expect(q.oneTime.waived).toBe(0)
    expect(bills(q)).toEqual([...Array(6).fill(10000), ...Array(6).fill(98000)])
    expect(q.monthly.estimatedBill).toBe(10000)
    expect(q.firstYearTotal).toBe(420000 + 6 * 10000 + 6 * 98000)
    expect(q.monthly.commitment).toBeNull()
    expect(q.monthly.allowance).toBeNull()
    expect(q.earlyTermination).toEqual([])
    expect(q.terms.some((term) => /non-refundable/i.test(term.en))).toBe(true)
  })

  it('prepay-6 without a static IP bills 0 for months 1–6', () => {
    const q = quote(express('prepay-6', { 'bb-100': 1 }))
    expect(oneTimeLines(q)).toEqual([
      ['bb-100:install', 30000, false, 'broadband_payment.standard_install'],
      ['prepay', 279000, false, 'broadband_payment.prepay'],
    ])
    expect(monthlyLines(q)).toEqual([['bb-100', 0, 'broadband_payment.prepaid']])
    expect(bills(q)).toEqual([...Array(6).fill(0), ...Array(6).fill(63000)])
    expect(q.oneTime.total).toBe(279000 + 30000)
    expect(q.firstYearTotal).toBe(309000 + 6 * 63000)
  })

  it('prepay-12 of 1000M: 12 × 888 prepaid, install waived but listed, no bills', () => {
    const q = quote(express('prepay-12', { 'bb-1000': 1 }))
    expect(oneTimeLines(q)).toEqual([
      ['bb-1000:install', 30000, true, 'broadband_payment.prepay_waives_install'],
      ['prepay', 1065600, false, 'broadband_payment.prepay'],
    ])
    expect(monthlyLines(q)).toEqual([['bb-1000', 0, 'broadband_payment.prepaid']])
    expect(q.oneTime.total).toBe(1065600)
    expect(q.oneTime.waived).toBe(30000)
    expect(bills(q)).toEqual(Array(12).fill(0))
    expect(q.firstYearTotal).toBe(1065600)
    expect(q.terms.some((term) => /non-refundable/i.test(term.en))).toBe(true)
  })

  it('prepay-12 with a static IP still bills the IP every month', () => {
    const q = quote(express('prepay-12', { 'bb-1000': 1, 'static-ip': 1 }))
    expect(monthlyLines(q)).toEqual([
      ['bb-1000', 0, 'broadband_payment.prepaid'],
      ['static-ip', 10000, 'broadband_payment.standard_monthly'],
    ])
    expect(bills(q)).toEqual(Array(12).fill(10000))
    expect(q.firstYearTotal).toBe(1065600 + 120000)
  })

  it('monthly: standard price + IP, install charged, no prepay, not called non-refundable', () => {
    const q = quote(express('monthly', { 'bb-300': 1, 'static-ip': 1 }))
    expect(oneTimeLines(q)).toEqual([['bb-300:install', 30000, false, 'broadband_payment.standard_install']])
    expect(monthlyLines(q)).toEqual([
      ['bb-300', 88000, 'broadband_payment.standard_monthly'],
      ['static-ip', 10000, 'broadband_payment.standard_monthly'],
    ])
    expect(bills(q)).toEqual(Array(12).fill(98000))
    expect(q.oneTime.total).toBe(30000)
    expect(q.firstYearTotal).toBe(30000 + 12 * 98000)
    expect(q.terms.some((term) => /non-refundable/i.test(term.en))).toBe(false)
  })

  it('refuses an order without broadband, with two speeds, or with two static IPs', () => {
    expect(refusal(express('monthly', { 'static-ip': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'items.bb-100' })
    expect(refusal(express('monthly', {}))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(express('monthly', { 'bb-100': 1, 'bb-300': 1 }))).toMatchObject({ code: 'invalid_configuration' })
    expect(refusal(express('monthly', { 'bb-100': 1, 'static-ip': 2 }))).toMatchObject({
      code: 'invalid_configuration',
      field: 'items.static-ip',
    })
  })

  it('needs a payment option and term 0', () => {
    expect(refusal(express(undefined, { 'bb-100': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'options.payment' })
    expect(refusal(express('prepay-3', { 'bb-100': 1 }))).toMatchObject({ code: 'invalid_configuration', field: 'options.payment' })
    expect(refusal(express('monthly', { 'bb-100': 1 }, { termMonths: 12 }))).toMatchObject({ code: 'invalid_term', field: 'termMonths' })
  })

  describe('a prepayment’s bonus credit (bonusCredit)', () => {
    const withBonus = catalogWithRule('bb-express', (rule) => {
      rule.payments.find((payment: { id: string }) => payment.id === 'prepay-12').bonusCredit = 20000
    })

    it('is a gift of month 1 (kind prepay_bonus_credit), not a cut of the prepayment or the bills', () => {
      const plain = quote(express('prepay-12', { 'bb-100': 1, 'static-ip': 1 }))
      const q = quote(express('prepay-12', { 'bb-100': 1, 'static-ip': 1 }), withBonus)
      expect(q.gifts).toEqual([
        {
          kind: 'prepay_bonus_credit',
          amount: 20000,
          label: {
            zh: '预付12个月赠送¥200.00话费额度，首月可用，当月不用作废',
            en: 'Prepay 12 months: ¥200.00 of bonus credit for month 1; lapses if unused',
          },
        },
      ])
      expect(oneTimeLines(q)).toEqual(oneTimeLines(plain))
      expect(q.schedule).toEqual(plain.schedule)
      expect(q.firstYearTotal).toBe(plain.firstYearTotal)
    })

    it('comes only with the payment it belongs to; the seed gives none', () => {
      expect(quote(express('prepay-6', { 'bb-100': 1 }), withBonus).gifts).toEqual([])
      expect(quote(express('prepay-12', { 'bb-100': 1 })).gifts).toEqual([])
    })
  })
})
