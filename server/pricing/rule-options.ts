import type { PricingRule } from './catalog-schema'

/** The options (plan / payment / tier) a rule kind asks the customer to choose, with their choices. */
export function optionChoices(rule: PricingRule): Record<string, string[]> {
  switch (rule.kind) {
    case 'broadband_payment':
      return { payment: rule.payments.map((payment) => payment.id) }
    case 'base_plus_tiers':
      return { tier: rule.tiers.map((tier) => tier.id) }
    case 'commitment_plan':
      return { plan: rule.plans.map((plan) => plan.id) }
    default:
      return {}
  }
}
