import type { MonthlyLine } from '../../schemas/quote'
import type { PricingRule } from '../catalog-schema'
import { text, yuan, percent } from '../labels'
import { pct, sum } from '../money'
import {
  hasUsage,
  includedLines,
  installLines,
  rentalLines,
  usageLine,
  type PricingContext,
  type RequestedItem,
  type RuleOutcome,
} from '../pricing-context'
import { usageCategories } from '../catalog-schema'

type Rule = Extract<PricingRule, { kind: 'base_plus_tiers' }>

/** 基础+增值 分档: pay the tier's baseline or actual usage; the top tier discounts the excess (PRICING.md §5). */
export function priceBasePlusTiers(ctx: PricingContext, rule: Rule): RuleOutcome {
  const tier = rule.tiers.find((candidate) => candidate.id === ctx.options.tier)!
  const includedVas: RequestedItem[] = tier.includedItems.map((item) => ({
    component: ctx.catalog.components.get(item.code)!,
    count: item.count,
  }))
  const actualLines = [
    ...rentalLines(ctx.items),
    ...usageCategories.map((category) => usageLine(category, ctx.usage[category])).filter(hasUsage),
  ]
  const actual = sum(actualLines.map((line) => line.amount))
  const vasLines = includedLines(includedVas, 'base_plus_tiers.tier_includes', text(`${tier.id}档赠送`, `included in ${tier.id}`))
  const baselineLine: MonthlyLine = {
    code: 'tier_baseline',
    label: text(`${tier.id}档月保底`, `${tier.id} tier monthly minimum`),
    amount: tier.baseline,
    rule: 'base_plus_tiers.tier_minimum',
  }

  let lines: MonthlyLine[]
  if (tier.excessRateBp !== null) {
    const excess = Math.max(0, actual - tier.baseline)
    lines = [baselineLine, ...vasLines]
    if (excess > 0) {
      lines.push({
        code: 'excess',
        label: text(
          `超出${yuan(tier.baseline).zh}的部分${yuan(excess).zh}，优惠${percent(10_000 - tier.excessRateBp)}`,
          `${yuan(excess).en} above ${yuan(tier.baseline).en} at ${percent(10_000 - tier.excessRateBp)} off`,
        ),
        amount: pct(excess, tier.excessRateBp),
        rule: 'base_plus_tiers.excess_discounted',
      })
    }
  } else if (actual <= tier.baseline) {
    lines = [baselineLine, ...vasLines]
  } else {
    lines = [...actualLines.map((line) => ({ ...line, rule: 'base_plus_tiers.actual_above_minimum' })), ...vasLines]
  }

  return {
    oneTime: installLines(ctx.items, () => tier.waiveInstalls, 'base_plus_tiers.top_tier_waives_installs'),
    monthLines: () => lines,
    commitment: tier.baseline,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: tier.baseline,
    broadbandDiscountPerMonth: 0,
    terms: [
      text(
        `实际费用（月租+通话）低于${yuan(tier.baseline).zh}按${yuan(tier.baseline).zh}收取；档内增值业务免费。`,
        `Actual charges (rentals + calls) below ${yuan(tier.baseline).en} are billed at ${yuan(tier.baseline).en}; the tier's value-added services are free.`,
      ),
    ],
  }
}
