import { pct } from '../../money'
import type { LocalSpendGiftArgs } from './args'

export type GiftTier = LocalSpendGiftArgs['giftTiers'][number]

/** The highest tier the month's local calls reach, if any. */
export function tierReached(args: LocalSpendGiftArgs, localVoice: number): GiftTier | undefined {
  return [...args.giftTiers].sort((a, b) => b.minLocalVoice - a.minLocalVoice).find((tier) => localVoice >= tier.minLocalVoice)
}

/** Seed: 赠送A1*X%金额: the tier's threshold times its rate, not a share of all local spend. */
export function giftOf(tier: GiftTier): number {
  return pct(tier.minLocalVoice, tier.rateBp)
}
