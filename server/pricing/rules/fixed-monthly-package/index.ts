import type { RuleKind } from '../rule-kind'
import type { FixedMonthlyPackageArgs } from './args'
import { fixedMonthlyPackageCodes, type FixedMonthlyPackageCode } from './codes'
import { describeFixedMonthlyPackage } from './describe'
import { fixedMonthlyPackageGuardrails } from './guardrails'
import { priceFixedMonthlyPackage } from './price'

export const fixedMonthlyPackage: RuleKind<FixedMonthlyPackageArgs, FixedMonthlyPackageCode> = {
  kind: 'fixed_monthly_package',
  codes: fixedMonthlyPackageCodes,
  options: () => [],
  includedComponents: (args) => Object.keys(args.broadbandBundlePrices),
  price: priceFixedMonthlyPackage,
  delivers: (_args, requested) => requested.filter((item) => item.count > 0),
  describe: describeFixedMonthlyPackage,
  guardrails: fixedMonthlyPackageGuardrails,
}
