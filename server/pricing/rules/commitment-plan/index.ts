import type { RuleKind } from '../rule-kind'
import type { CommitmentPlanArgs } from './args'
import { commitmentPlanCodes, type CommitmentPlanCode } from './codes'
import { describeCommitmentPlan } from './describe'
import { priceCommitmentPlan } from './price'

export const commitmentPlan: RuleKind<CommitmentPlanArgs, CommitmentPlanCode> = {
  kind: 'commitment_plan',
  codes: commitmentPlanCodes,
  options: (args) => [{ name: 'plan', choices: args.plans.map((plan) => ({ id: plan.id, label: { zh: `${plan.id} 计划`, en: `Plan ${plan.id}` } })) }],
  includedComponents: () => [],
  price: priceCommitmentPlan,
  delivers: (_args, requested) => requested.filter((item) => item.count > 0),
  describe: describeCommitmentPlan,
  averageSpendLimits: (args) => ({ min: args.minimumX, max: args.maximumX }),
  negotiationBand: (args) => args.negotiation,
}
