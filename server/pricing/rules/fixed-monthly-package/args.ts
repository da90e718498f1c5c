import { z } from 'zod'
import { basisPoints, componentCode, customerStatus, fen, usageCategory } from '../../primitives'

export const fixedMonthlyPackageArgs = z.strictObject({
  kind: z.literal('fixed_monthly_package'),
  voiceBaseline: fen,
  /** Bundle price C of each allowed broadband speed. */
  broadbandBundlePrices: z.record(componentCode, fen),
  /** Tiers of the excess over the baseline; the last tier has no upper bound. */
  excessTiers: z
    .array(z.strictObject({ upTo: fen.nullable(), rateBp: basisPoints }))
    .min(1)
    .refine((tiers) => tiers.at(-1)?.upTo === null, 'the last excess tier must be open-ended (upTo: null)'),
  usage: z.array(usageCategory).min(1),
  waiveBroadbandInstallFor: z.array(customerStatus),
  floorBaselineAtPriorSpendFor: z.array(customerStatus),
})

export type FixedMonthlyPackageArgs = z.infer<typeof fixedMonthlyPackageArgs>
