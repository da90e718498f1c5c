import { percent, text, yuan } from '../../labels'
import { hasUsage, installLines, rentalLines, usageLine, type PricingContext, type RuleOutcome } from '../../pricing-context'
import type { LocalSpendGiftArgs } from './args'
import type { LocalSpendGiftCode } from './codes'
import { giftOf, tierReached } from './gift-tier'
import { lapseOf } from './lapse'

/** 打本地送长途: local spend earns next month's long-distance credit (PRICING.md §4). */
export function priceLocalSpendGift(ctx: PricingContext, args: LocalSpendGiftArgs): RuleOutcome<LocalSpendGiftCode> {
  const tier = tierReached(args, ctx.usage.local_voice)
  const lines = [
    ...rentalLines(ctx.items, 'local_spend_gift.standard_monthly'),
    ...args.usage.map((category) => usageLine(category, ctx.usage[category], 'local_spend_gift.usage_at_standard_tariff')).filter(hasUsage),
  ]

  return {
    oneTime: installLines(ctx.items, () => false, { charged: 'local_spend_gift.standard_install', waived: 'local_spend_gift.standard_install' }),
    monthLines: () => lines,
    commitment: null,
    allowance: null,
    careCredit: 0,
    gifts: tier
      ? [
          {
            kind: args.giftKind,
            amount: giftOf(tier),
            label: text(
              `本地通话满${yuan(tier.minLocalVoice).zh}档：${yuan(tier.minLocalVoice).zh} × ${percent(tier.rateBp)} = ${yuan(giftOf(tier)).zh} ${lapseOf(args).short.zh}`,
              `Local calls of ${yuan(tier.minLocalVoice).en} or more: ${yuan(tier.minLocalVoice).en} × ${percent(tier.rateBp)} = ${yuan(giftOf(tier)).en} ${lapseOf(args).short.en}`,
            ),
          },
        ]
      : [],
    etfCommitment: 0,
    broadbandDiscountPerMonth: 0,
  }
}
