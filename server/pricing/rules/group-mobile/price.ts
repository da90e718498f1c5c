import type { MonthlyLine } from '../../../schemas/quote'
import { discount, text, yuan } from '../../labels'
import { pct } from '../../money'
import { hasUsage, rentalLines, usageLine, type Coded, type PricingContext, type RuleOutcome } from '../../pricing-context'
import type { GroupMobileArgs } from './args'
import type { GroupMobileCode } from './codes'

/** 固话+手机同事圈: the existing office line plus N colleague mobiles (PRICING.md §3). */
export function priceGroupMobile(ctx: PricingContext, args: GroupMobileArgs): RuleOutcome<GroupMobileCode> {
  const mobiles = ctx.items.filter((item) => item.component.code === args.lineComponent)
  const lineCount = mobiles.reduce((total, item) => total + item.count, 0)
  const mobileRentals = rentalLines(mobiles, 'group_mobile.mobile_rental')
  const commitment = args.baseMonthly + mobileRentals.reduce((total, line) => total + line.amount, 0)
  const includedMobileUsage = args.includedMobileUsagePerLine * lineCount
  const longDistanceOff = discount(args.longDistanceRateBp)

  const lines: Coded<MonthlyLine, GroupMobileCode>[] = [
    {
      code: 'base',
      label: text(`办公固话月费（含本地通话${yuan(args.includedLocalVoice).zh}）`, `Office line (includes ${yuan(args.includedLocalVoice).en} of local calls)`),
      amount: args.baseMonthly,
      rule: 'group_mobile.base',
    },
    ...mobileRentals,
    ...[
      usageLine('local_voice', Math.max(0, ctx.usage.local_voice - args.includedLocalVoice), 'group_mobile.local_over_included'),
      usageLine('mobile', Math.max(0, ctx.usage.mobile - includedMobileUsage), 'group_mobile.mobile_over_included'),
      {
        ...usageLine('long_distance', pct(ctx.usage.long_distance, args.longDistanceRateBp), 'group_mobile.long_distance_discount' as const),
        label: text(`长途通话费（${longDistanceOff.zh}）`, `Long-distance calls (${longDistanceOff.en})`),
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
  }
}
