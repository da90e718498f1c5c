import type { MonthlyLine } from '../../schemas/quote'
import type { PricingRule } from '../catalog-schema'
import { text, yuan, percent } from '../labels'
import { pct } from '../money'
import { hasUsage, rentalLines, usageLine, type PricingContext, type RuleOutcome } from '../pricing-context'

type Rule = Extract<PricingRule, { kind: 'group_mobile' }>

/** 固话+手机同事圈: the existing office line plus N colleague mobiles (PRICING.md §3). */
export function priceGroupMobile(ctx: PricingContext, rule: Rule): RuleOutcome {
  const mobiles = ctx.items.filter((item) => item.component.code === rule.lineComponent)
  const lineCount = mobiles.reduce((total, item) => total + item.count, 0)
  const mobileRentals = rentalLines(mobiles, 'group_mobile.mobile_rental')
  const commitment = rule.baseMonthly + mobileRentals.reduce((total, line) => total + line.amount, 0)
  const includedMobileUsage = rule.includedMobileUsagePerLine * lineCount

  const lines: MonthlyLine[] = [
    {
      code: 'base',
      label: text(
        `办公固话月费（含本地通话${yuan(rule.includedLocalVoice).zh}）`,
        `Office line (includes ${yuan(rule.includedLocalVoice).en} of local calls)`,
      ),
      amount: rule.baseMonthly,
      rule: 'group_mobile.base',
    },
    ...mobileRentals,
    ...[
      usageLine('local_voice', Math.max(0, ctx.usage.local_voice - rule.includedLocalVoice), 'group_mobile.local_over_included'),
      usageLine('mobile', Math.max(0, ctx.usage.mobile - includedMobileUsage), 'group_mobile.mobile_over_included'),
      {
        ...usageLine('long_distance', pct(ctx.usage.long_distance, rule.longDistanceRateBp), 'group_mobile.long_distance_discount'),
        label: text(`长途通话费（${percent(10_000 - rule.longDistanceRateBp)}优惠）`, `Long-distance calls (${percent(10_000 - rule.longDistanceRateBp)} off)`),
      },
    ].filter(hasUsage),
  ]

  return {
    oneTime: [],
    monthLines: () => lines,
    commitment,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: commitment,
    broadbandDiscountPerMonth: 0,
    terms: [
      text(
        `每部手机含${yuan(rule.includedMobileUsagePerLine).zh}通话；同事间通话免费。`,
        `Each mobile includes ${yuan(rule.includedMobileUsagePerLine).en} of usage; calls between colleagues are free.`,
      ),
    ],
  }
}
