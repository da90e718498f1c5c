import type { Offering } from '../catalog-schema'
import type { EarlyTermination } from '../early-termination'
import { text } from '../labels'
import type { KindGuardrailViolation } from '../rules/rule-kind'

/** Whether the rule can make a leaving customer pay anything at all. */
function charges(rule: EarlyTermination): boolean {
  return rule.perRemainingMonth > 0 || rule.commitmentShareBp > 0 || rule.broadbandDiscount || rule.proRataWaivedOneTime
}

/**
 * DOMAIN.md, legal risk: every contract states the compensation due on early termination. An offering
 * with a contract term (any term above 0 months) needs an early-termination rule that charges something.
 * The path is relative to the offering.
 */
export function earlyTerminationGuardrails(offering: Offering): KindGuardrailViolation[] {
  const term = offering.terms.find((months) => months > 0)
  if (term === undefined || (offering.earlyTermination && charges(offering.earlyTermination))) return []
  return [
    {
      code: 'early_termination_on_term',
      path: ['earlyTermination'],
      root: 'offering',
      message: text(
        `该产品有${term}个月合约期，必须规定提前解约需支付的补偿。`,
        `The offering has a ${term}-month contract term, so it must state the compensation due on early termination.`,
      ),
    },
  ]
}
