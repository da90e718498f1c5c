import { text } from '../../labels'
import type { DescribeScope, KindGuardrailViolation } from '../rule-kind'
import type { FixedMonthlyPackageArgs } from './args'

/**
 * DOMAIN.md, revenue risk: for an existing customer the baseline is never below what the same services
 * cost them before. An offering open to existing customers floors their baseline at their prior spend X,
 * and so must ask them for it.
 */
export function fixedMonthlyPackageGuardrails(args: FixedMonthlyPackageArgs, scope: DescribeScope): KindGuardrailViolation[] {
  if (!scope.offering.eligibility.statuses.includes('existing')) return []
  return [
    ...(args.floorBaselineAtPriorSpendFor.includes('existing')
      ? []
      : [
          {
            code: 'existing_baseline_at_prior_spend' as const,
            path: ['floorBaselineAtPriorSpendFor'],
            message: text(
              '该产品面向老客户：老客户的保底消费不得低于其原有消费，请在保底取原消费的客户中加入老客户。',
              'The offering admits existing customers: their baseline may not be below their prior spend, so the baseline must be floored at prior spend for existing customers.',
            ),
          },
        ]),
    ...(scope.offering.eligibility.priorSpendRequiredFor.includes('existing')
      ? []
      : [
          {
            code: 'existing_baseline_at_prior_spend' as const,
            path: ['eligibility', 'priorSpendRequiredFor'],
            root: 'offering' as const,
            message: text(
              '该产品面向老客户：其保底消费以原有消费为下限，老客户须申报近3个月消费。',
              'The offering admits existing customers: their baseline is floored at their prior spend, so existing customers must declare it.',
            ),
          },
        ]),
  ]
}
