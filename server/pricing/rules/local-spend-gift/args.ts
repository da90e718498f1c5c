import { z } from 'zod'
import { basisPoints, fen, usageCategory } from '../../primitives'

export const localSpendGiftArgs = z.strictObject({
  kind: z.literal('local_spend_gift'),
  usage: z.array(usageCategory).min(1),
  giftKind: z.string().min(1),
  /** The highest tier whose threshold the month's local calls reach earns threshold × rate. */
  giftTiers: z.array(z.strictObject({ minLocalVoice: fen.positive(), rateBp: basisPoints })).min(1),
})

export type LocalSpendGiftArgs = z.infer<typeof localSpendGiftArgs>
