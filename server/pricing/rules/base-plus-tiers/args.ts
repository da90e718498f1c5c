import { z } from 'zod'
import { basisPoints, fen, includedItem } from '../../primitives'

export const basePlusTiersArgs = z.strictObject({
  kind: z.literal('base_plus_tiers'),
  tiers: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        baseline: fen,
        includedItems: z.array(includedItem),
        /** null: pay max(baseline, actual); otherwise baseline + rate × the excess. */
        excessRateBp: basisPoints.nullable(),
        waiveInstalls: z.boolean(),
      }),
    )
    .min(1),
})

export type BasePlusTiersArgs = z.infer<typeof basePlusTiersArgs>
