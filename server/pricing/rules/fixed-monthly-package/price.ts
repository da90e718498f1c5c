import { text, yuan } from '../../labels'
import { pct } from '../../money'
import { includedLines, installLines, itemsOfCategory, rentalOf, usageOf, type Coded, type PricingContext, type RuleOutcome } from '../../pricing-context'
import type { MonthlyLine } from '../../../schemas/quote'
import type { FixedMonthlyPackageArgs } from './args'
import type { FixedMonthlyPackageCode } from './codes'

type Line = Coded<MonthlyLine, FixedMonthlyPackageCode>

/** 定量包月: below the baseline S pay S; above it the excess is discounted in tiers (PRICING.md §2). */
export function priceFixedMonthlyPackage(ctx: PricingContext, args: FixedMonthlyPackageArgs): RuleOutcome<FixedMonthlyPackageCode> {
  const status = ctx.request.customer.status
  const [broadband] = itemsOfCategory(ctx.items, 'broadband').filter((item) => item.component.code in args.broadbandBundlePrices)
  const bundlePrice = args.broadbandBundlePrices[broadband.component.code]
  const packageBaseline = args.voiceBaseline + bundlePrice
  const floorsAtPriorSpend = args.floorBaselineAtPriorSpendFor.includes(status) && ctx.x !== null && ctx.x > packageBaseline
  const baseline = floorsAtPriorSpend ? ctx.x! : packageBaseline
  const others = ctx.items.filter((item) => item !== broadband)
  const actual = bundlePrice + rentalOf(others) + usageOf(ctx.usage, args.usage)

  const baselineLine: Line = floorsAtPriorSpend
    ? {
        code: 'baseline',
        label: text('月保底消费（不低于近3个月月均消费）', 'Monthly baseline (not below your 3-month average spend)'),
        amount: baseline,
        rule: 'fixed_monthly_package.baseline_floored_at_prior_spend',
      }
    : {
        code: 'baseline',
        label: text(
          `月保底消费：固话保底${yuan(args.voiceBaseline).zh} + 宽带包月${yuan(bundlePrice).zh}`,
          `Monthly baseline: ${yuan(args.voiceBaseline).en} voice base + ${yuan(bundlePrice).en} broadband bundle price`,
        ),
        amount: baseline,
        rule: 'fixed_monthly_package.baseline',
      }
  const covered = includedLines(ctx.items, 'fixed_monthly_package.counts_toward_actual', text('计入实际费用', 'counts toward actual charges'))

  const lines: Line[] = [baselineLine, ...covered]
  let excess = Math.max(0, actual - baseline)
  let tierStart = 0
  args.excessTiers.forEach((tier, index) => {
    const portion = tier.upTo === null ? excess : Math.min(excess, tier.upTo - tierStart)
    if (portion > 0) {
      const off = (10_000 - tier.rateBp) / 100
      lines.push({
        code: `excess_tier_${index + 1}`,
        label: text(`超出保底部分 ${yuan(portion).zh}，优惠${off}%`, `${yuan(portion).en} above the baseline at ${off}% off`),
        amount: pct(portion, tier.rateBp),
        rule: 'fixed_monthly_package.excess_tier',
      })
    }
    excess -= portion
    if (tier.upTo !== null) tierStart = tier.upTo
  })

  const waiveBroadband = args.waiveBroadbandInstallFor.includes(status)
  return {
    oneTime: installLines(ctx.items, (item) => waiveBroadband && item === broadband, {
      charged: 'fixed_monthly_package.standard_install',
      waived: 'fixed_monthly_package.broadband_install_waived',
    }),
    monthLines: () => lines,
    commitment: baseline,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: baseline,
    broadbandDiscountPerMonth: broadband.component.monthly - bundlePrice,
  }
}
