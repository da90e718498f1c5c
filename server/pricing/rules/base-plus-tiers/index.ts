import type { RuleKind } from '../rule-kind'
import { withPackage } from '../rule-kind'
import type { BasePlusTiersArgs } from './args'
import { basePlusTiersCodes, type BasePlusTiersCode } from './codes'
import { describeBasePlusTiers } from './describe'
import { priceBasePlusTiers } from './price'

export const basePlusTiers: RuleKind<BasePlusTiersArgs, BasePlusTiersCode> = {
  kind: 'base_plus_tiers',
  codes: basePlusTiersCodes,
  options: (args) => [{ name: 'tier', choices: args.tiers.map((tier) => ({ id: tier.id, label: { zh: `${tier.id}档`, en: tier.id } })) }],
  includedComponents: (args) => args.tiers.flatMap((tier) => tier.includedItems.map((item) => item.code)),
  price: priceBasePlusTiers,
  delivers: (args, requested, options) => withPackage(requested, args.tiers.find((tier) => tier.id === options.tier)?.includedItems ?? []),
  describe: describeBasePlusTiers,
}
