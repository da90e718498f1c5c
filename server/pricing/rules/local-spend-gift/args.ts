import { z } from 'zod'
import { basisPoints, fen, usageCategory } from '../../primitives'

export const localSpendGiftArgs = z.strictObject({
  kind: z.literal('local_spend_gift'),
  usage: z.array(usageCategory).min(1),
  giftKind: z.string().min(1),
  /** The highest tier whose threshold the month's local calls reach earns threshold × rate. */
  giftTiers: z.array(z.strictObject({ minLocalVoice: fen.positive(), rateBp: basisPoints })).min(1),
  /**
   * Months a credited gift may be used before it lapses, from the month it is credited (the next one).
   * The guardrail gift_lapses_monthly holds it at 1: a gift carried into later months is a liability.
   */
  giftLapsesAfterMonths: z.number().int().positive().default(1),
})

export type LocalSpendGiftArgs = z.infer<typeof localSpendGiftArgs>
