import { describe, it, expect } from 'vitest'
import { priceBookSchema } from '../../catalog-schema'
import { guardrailsWithOffering, offeringIndex, only, seedWithOffering } from '../../guardrails/testing'

/** Guardrail gift_lapses_monthly: a local-spend gift is used in the month it is credited or lost. */

describe('local_spend_gift guardrails', () => {
  it('the seed’s gift lapses after 1 month (the default) and passes', () => {
    const offering = priceBookSchema.parse(seedWithOffering('local-ld-gift', () => {})).offerings[offeringIndex('local-ld-gift')]
    expect(offering.rule).toMatchObject({ kind: 'local_spend_gift', giftLapsesAfterMonths: 1 })
    expect(guardrailsWithOffering('local-ld-gift', (offering) => (offering.rule.giftLapsesAfterMonths = 1))).toEqual([])
  })

  it.each([2, 12])('refuses a gift usable for %i months, at giftLapsesAfterMonths', (months) => {
    expect(guardrailsWithOffering('local-ld-gift', (offering) => (offering.rule.giftLapsesAfterMonths = months))).toEqual(
      only('gift_lapses_monthly', ['offerings', offeringIndex('local-ld-gift'), 'rule', 'giftLapsesAfterMonths']),
    )
  })

  it('says why in both languages', () => {
    const [violation] = guardrailsWithOffering('local-ld-gift', (offering) => (offering.rule.giftLapsesAfterMonths = 3))
    expect(violation.message.zh).toContain('3个月')
    expect(violation.message.en).toContain('3 months')
  })

  it('0 months is not a lapse period at all: the schema refuses it', () => {
    expect(priceBookSchema.safeParse(seedWithOffering('local-ld-gift', (offering) => (offering.rule.giftLapsesAfterMonths = 0))).success).toBe(false)
  })
})
