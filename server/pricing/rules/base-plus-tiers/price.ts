import type { MonthlyLine } from '../../../schemas/quote'
import { discount, text, yuan } from '../../labels'
import { pct, sum } from '../../money'
import { usageCategories } from '../../primitives'
import {
  hasUsage,
  includedLines,
  installLines,
  packageItems,
  rentalLines,
  usageLine,
  type Coded,
  type PricingContext,
  type RuleOutcome,
} from '../../pricing-context'
import type { BasePlusTiersArgs } from './args'
import type { BasePlusTiersCode } from './codes'

type Line = Coded<MonthlyLine, BasePlusTiersCode>

/** 基础+增值 分档: pay the tier's baseline or actual usage; the top tier discounts the excess (PRICING.md §5). */
export function priceBasePlusTiers(ctx: PricingContext, args: BasePlusTiersArgs): RuleOutcome<BasePlusTiersCode> {
  const tier = args.tiers.find((candidate) => candidate.id === ctx.options.tier)!
  const actualLines = [
    ...rentalLines(ctx.items, 'base_plus_tiers.actual_above_minimum'),
    ...usageCategories.map((category) => usageLine(category, ctx.usage[category], 'base_plus_tiers.actual_above_minimum' as const)).filter(hasUsage),
  ]
  const actual = sum(actualLines.map((line) => line.amount))
  const vasLines = includedLines(packageItems(ctx.catalog, tier.includedItems), 'base_plus_tiers.tier_includes', text(`${tier.id}档赠送`, `included in ${tier.id}`))
  const baselineLine: Line = {
    code: 'tier_baseline',
    label: text(`${tier.id}档月保底`, `${tier.id} tier monthly minimum`),
    amount: tier.baseline,
    rule: 'base_plus_tiers.tier_minimum',
  }

  let lines: Line[]
  if (tier.excessRateBp !== null) {
    const excess = Math.max(0, actual - tier.baseline)
    const off = discount(tier.excessRateBp)
    lines = [baselineLine, ...vasLines]
    if (excess > 0) {
      lines.push({
        code: 'excess',
        label: text(`超出${yuan(tier.baseline).zh}的部分${yuan(excess).zh}，${off.zh}`, `${yuan(excess).en} above ${yuan(tier.baseline).en} at ${off.en}`),
        amount: pct(excess, tier.excessRateBp),
        rule: 'base_plus_tiers.excess_discounted',
      })
    }
  } else if (actual <= tier.baseline) {
    lines = [baselineLine, ...vasLines]
  } else {
    lines = [...actualLines, ...vasLines]
  }

  return {
    oneTime: installLines(ctx.items, () => tier.waiveInstalls, {
      charged: 'base_plus_tiers.standard_install',
      waived: 'base_plus_tiers.tier_waives_installs',
    }),
    monthLines: () => lines,
    commitment: tier.baseline,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: tier.baseline,
    broadbandDiscountPerMonth: 0,
  }
}
