import { z } from 'zod'
import { negotiationBand } from '../../negotiation'
import { basisPoints, fen } from '../../primitives'

export const commitmentPlanArgs = z.strictObject({
  kind: z.literal('commitment_plan'),
  plans: z.array(z.strictObject({ id: z.string().min(1), commitmentBp: basisPoints, allowanceBp: basisPoints })).min(1),
  /** A lower commitment for the first months (win-back); the ETF still uses the plan commitment. */
  introductory: z.strictObject({ months: z.number().int().positive(), commitmentBp: basisPoints }).optional(),
  minimumX: fen,
  /** Above this X the customer is referred to a building manager. */
  maximumX: fen,
  reviewMonths: z.number().int().positive(),
  /** Care budget: this share of the unused commitment, never below the minimum a member month. */
  care: z.strictObject({ shareBp: basisPoints, minimum: fen }),
  waiveInstalls: z.boolean(),
  /** Absent: X is always the declared average, nobody may set it by hand. */
  negotiation: negotiationBand.optional(),
})

export type CommitmentPlanArgs = z.infer<typeof commitmentPlanArgs>
