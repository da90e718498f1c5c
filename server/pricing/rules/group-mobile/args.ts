import { z } from 'zod'
import { basisPoints, componentCode, fen } from '../../primitives'

export const groupMobileArgs = z.strictObject({
  kind: z.literal('group_mobile'),
  baseMonthly: fen,
  lineComponent: componentCode,
  includedLocalVoice: fen,
  includedMobileUsagePerLine: fen,
  longDistanceRateBp: basisPoints,
})

export type GroupMobileArgs = z.infer<typeof groupMobileArgs>
