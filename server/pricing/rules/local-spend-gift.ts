import type { PricingRule } from '../catalog-schema'
import { text, percent, yuan } from '../labels'
import { pct } from '../money'
import { installLines, rentalLines, usageLine, type PricingContext, type RuleOutcome } from '../pricing-context'

type Rule = Extract<PricingRule, { kind: 'local_spend_gift' }>

/** 打本地送长途: local spend earns next month's long-distance credit (PRICING.md §4). */
export function priceLocalSpendGift(ctx: PricingContext, rule: Rule): RuleOutcome {
  const local = ctx.usage.local_voice
  const tier = [...rule.giftTiers]
    .sort((a, b) => b.minLocalVoice - a.minLocalVoice)
    .find((candidate) => local >= candidate.minLocalVoice && candidate.minLocalVoice > 0)
  const lines = [...rentalLines(ctx.items), ...rule.usage.map((category) => usageLine(category, ctx.usage[category]))]

  return {
    oneTime: installLines(ctx.items, () => false, 'standard_install'),
    monthLines: () => lines,
    commitment: null,
    allowance: null,
    careCredit: 0,
    gifts: tier
      ? [
          {
            kind: rule.giftKind,
            amount: pct(local, tier.rateBp),
            label: text(
              `本地通话${yuan(local).zh}的${percent(tier.rateBp)}，次月抵扣长途，当月不用作废`,
              `${percent(tier.rateBp)} of ${yuan(local).en} local calls as long-distance credit next month; lapses if unused`,
            ),
          },
        ]
      : [],
    etfCommitment: 0,
    broadbandDiscountPerMonth: 0,
    terms: [
      text('赠送的长途额度仅限次月使用，不可累计、不可兑现。', 'The long-distance credit is for the next month only; it cannot be carried over or cashed.'),
    ],
  }
}
