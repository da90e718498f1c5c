import { describe, it, expect } from 'vitest'
import { guardrailsWith, guardrailsWithOffering, offeringIndex, only } from '../../guardrails/testing'

/**
 * Guardrail prepay_bonus_below_prepayment: only a prepayment earns a bonus, strictly below the smallest
 * prepayment it can come with. Seed bb-express: prepay-6 of 100M = 6 × 465 = ¥2,790, prepay-12 = 12 × 333 = ¥3,996.
 */

const index = offeringIndex('bb-express')
const payment = (id: string) => (offering: any) => offering.rule.payments.find((each: { id: string }) => each.id === id)
const paymentIndex = (id: string) => ['monthly', 'prepay-6', 'prepay-12'].indexOf(id)
const withBonus = (id: string, bonusCredit: number, also: (offering: any) => void = () => {}) =>
  guardrailsWithOffering('bb-express', (offering) => {
    payment(id)(offering).bonusCredit = bonusCredit
    also(offering)
  })
const refusedAt = (id: string) => only('prepay_bonus_below_prepayment', ['offerings', index, 'rule', 'payments', paymentIndex(id), 'bonusCredit'])

describe('broadband_payment guardrails', () => {
  it('refuses a bonus on paying monthly', () => {
    expect(withBonus('monthly', 1)).toEqual(refusedAt('monthly'))
  })

  it('refuses a bonus equal to the smallest prepayment, passes one a fen below', () => {
    expect(withBonus('prepay-6', 279000)).toEqual(refusedAt('prepay-6'))
    expect(withBonus('prepay-6', 278999)).toEqual([])
    expect(withBonus('prepay-12', 399600)).toEqual(refusedAt('prepay-12'))
    expect(withBonus('prepay-12', 399599)).toEqual([])
  })

  it('compares with the cheapest speed the offering sells: without 100M, 6 × 650 = ¥3,900', () => {
    const without100 = (offering: any) => {
      offering.items = offering.items.filter((item: { code: string }) => item.code !== 'bb-100')
      offering.itemGroups[0].codes = ['bb-300', 'bb-1000']
    }
    expect(withBonus('prepay-6', 300000, without100)).toEqual([])
    expect(withBonus('prepay-6', 390000, without100)).toEqual(refusedAt('prepay-6'))
  })

  it('follows the term price of the prepaid length (100M 6-month 465 → 300: ¥1,800)', () => {
    const cheaper = (book: any) => {
      book.components.find((component: { code: string }) => component.code === 'bb-100').termPrices[0] = { termMonths: 6, monthly: 30000 }
      book.offerings[index].rule.payments[paymentIndex('prepay-6')].bonusCredit = 180000
    }
    expect(guardrailsWith(cheaper)).toEqual(refusedAt('prepay-6'))
    expect(withBonus('prepay-6', 180000)).toEqual([])
  })

  it('names the smallest prepayment in both languages', () => {
    const [violation] = withBonus('prepay-12', 500000)
    expect(violation.message.zh).toContain('¥3,996.00')
    expect(violation.message.en).toContain('¥3,996.00')
    expect(violation.message.en).toContain('Network Express 100 Mbps')
  })

  it('no bonus is no violation', () => {
    expect(withBonus('prepay-12', 0)).toEqual([])
  })
})
