import { z } from 'zod'
import { basisPoints, fen, includedItem } from '../../primitives'

export const entryBundleArgs = z.strictObject({
  kind: z.literal('entry_bundle'),
  entryMonthly: fen,
  includedItems: z.array(includedItem).min(1),
  usageRateBp: basisPoints,
  waiveInstalls: z.boolean(),
})

export type EntryBundleArgs = z.infer<typeof entryBundleArgs>
