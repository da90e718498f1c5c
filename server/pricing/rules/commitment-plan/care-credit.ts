import { pct } from '../../money'
import type { CommitmentPlanArgs } from './args'

/**
 * The month's customer-care budget (not a bill reduction): the share of the unused commitment, and
 * never below the floor, also when use reaches the commitment (seed: 关怀的最低标准是100元起).
 */
export function careCredit(care: CommitmentPlanArgs['care'], commitment: number, use: number): number {
  const share = use < commitment ? pct(commitment - use, care.shareBp) : 0
  return Math.max(share, care.minimum)
}
