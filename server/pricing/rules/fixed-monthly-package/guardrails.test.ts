import { describe, it, expect } from 'vitest'
import { guardrailsWithOffering, offeringIndex, only } from '../../guardrails/testing'

/**
 * Guardrail existing_baseline_at_prior_spend: an existing customer's baseline S is floored at their prior
 * spend X (fixed-broadband: S = max(A + C, X)), which needs X declared.
 */

const index = offeringIndex('fixed-broadband')
const without = (list: string[], status: string) => list.filter((each) => each !== status)

describe('fixed_monthly_package guardrails', () => {
  it('refuses an offering open to existing customers that does not floor their baseline at prior spend', () => {
    expect(
      guardrailsWithOffering('fixed-broadband', (offering) => {
        offering.rule.floorBaselineAtPriorSpendFor = without(offering.rule.floorBaselineAtPriorSpendFor, 'existing')
      }),
    ).toEqual(only('existing_baseline_at_prior_spend', ['offerings', index, 'rule', 'floorBaselineAtPriorSpendFor']))
  })

  it('refuses one that floors it but does not ask existing customers for their prior spend, at the eligibility', () => {
    expect(
      guardrailsWithOffering('fixed-broadband', (offering) => {
        offering.eligibility.priorSpendRequiredFor = without(offering.eligibility.priorSpendRequiredFor, 'existing')
      }),
    ).toEqual(only('existing_baseline_at_prior_spend', ['offerings', index, 'eligibility', 'priorSpendRequiredFor']))
  })

  it('an offering for new customers only needs neither', () => {
    expect(
      guardrailsWithOffering('fixed-broadband', (offering) => {
        offering.eligibility = { statuses: ['new'], priorSpendRequiredFor: [] }
        offering.rule.floorBaselineAtPriorSpendFor = []
      }),
    ).toEqual([])
  })

  it('says why in both languages', () => {
    const [violation] = guardrailsWithOffering('fixed-broadband', (offering) => (offering.rule.floorBaselineAtPriorSpendFor = []))
    expect(violation.message.zh).toContain('老客户')
    expect(violation.message.en).toContain('existing customers')
  })
})
