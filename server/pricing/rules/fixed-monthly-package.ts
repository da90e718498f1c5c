import type { MonthlyLine } from '../../schemas/quote'
import type { PricingRule } from '../catalog-schema'
import { text, yuan } from '../labels'
import { pct } from '../money'
import {
  includedLines,
  installLines,
  itemsOfCategory,
  rentalOf,
  usageOf,
  type PricingContext,
  type RuleOutcome,
} from '../pricing-context'

type Rule = Extract<PricingRule, { kind: 'fixed_monthly_package' }>

/** 定量包月: below the baseline S pay S; above it the excess is discounted in tiers (PRICING.md §2). */
export function priceFixedMonthlyPackage(ctx: PricingContext, rule: Rule): RuleOutcome {
  const status = ctx.request.customer.status
  const [broadband] = itemsOfCategory(ctx.items, 'broadband').filter((item) => item.component.code in rule.broadbandBundlePrices)
  const bundlePrice = rule.broadbandBundlePrices[broadband.component.code]
  const packageBaseline = rule.voiceBaseline + bundlePrice
  const floorsAtPriorSpend = rule.floorBaselineAtPriorSpendFor.includes(status) && ctx.x !== null && ctx.x > packageBaseline
  const baseline = floorsAtPriorSpend ? ctx.x! : packageBaseline
  const others = ctx.items.filter((item) => item !== broadband)
  const actual = bundlePrice + rentalOf(others) + usageOf(ctx.usage, rule.usage)

  const baselineLine: MonthlyLine = {
    code: 'baseline',
    label: floorsAtPriorSpend
      ? text('月保底消费（不低于近3月平均消费）', 'Monthly baseline (not below your 3-month average spend)')
      : text('月保底消费 S = 固话保底 A + 宽带包月 C', 'Monthly baseline S = voice baseline A + broadband bundle price C'),
    amount: baseline,
    rule: floorsAtPriorSpend ? 'fixed_monthly_package.baseline_floored_at_prior_spend' : 'fixed_monthly_package.baseline',
  }
  const covered = includedLines(ctx.items, 'fixed_monthly_package.included', text('计入实际费用', 'counts toward actual charges'))

  const lines: MonthlyLine[] = [baselineLine, ...covered]
  let excess = Math.max(0, actual - baseline)
  let tierStart = 0
  rule.excessTiers.forEach((tier, index) => {
    const portion = tier.upTo === null ? excess : Math.min(excess, tier.upTo - tierStart)
    if (portion > 0) {
      const discount = 10_000 - tier.rateBp
      lines.push({
        code: `excess_tier_${index + 1}`,
        label: text(
          `超出保底部分 ${yuan(portion).zh}，优惠${discount / 100}%`,
          `${yuan(portion).en} above the baseline at ${discount / 100}% off`,
        ),
        amount: pct(portion, tier.rateBp),
        rule: `fixed_monthly_package.excess_tier_${index + 1}`,
      })
    }
    excess -= portion
    if (tier.upTo !== null) tierStart = tier.upTo
  })

  const waiveBroadband = rule.waiveBroadbandInstallFor.includes(status)
  return {
    oneTime: installLines(
      ctx.items,
      (item) => waiveBroadband && item === broadband,
      'fixed_monthly_package.new_customer_install_waived',
    ),
    monthLines: () => lines,
    commitment: baseline,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: baseline,
    broadbandDiscountPerMonth: broadband.component.monthly - bundlePrice,
    terms: [
      text(
        `实际费用（含宽带包月${yuan(bundlePrice).zh}、固话月租和通话费）低于保底按保底收取。`,
        `When actual charges (broadband bundle price ${yuan(bundlePrice).en}, line rentals and calls) are below the baseline, the baseline is billed.`,
      ),
    ],
  }
}
