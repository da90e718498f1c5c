import { z } from 'zod'
import { percent, text, type Text } from './labels'
import { BASIS_POINTS, divideHalfUp, pct, sum } from './money'
import { basisPoints } from './primitives'

/**
 * How far staff may set X by negotiation from the customer's declared average (DOMAIN.md: "staff may
 * verify and adjust it"): from `minBp` to `maxBp` of the declared average, both bounds included and
 * each rounded half up to a fen. The declared average itself is always inside. Price-book data: a
 * rule kind that prices X carries it in its args; without it nobody sets X by hand.
 */
export const negotiationBand = z
  .strictObject({ minBp: basisPoints, maxBp: basisPoints })
  .refine((band) => band.minBp <= BASIS_POINTS && band.maxBp >= BASIS_POINTS, {
    message: 'the band must include the declared average (minBp ≤ 10000 ≤ maxBp)',
  })

export type NegotiationBand = z.infer<typeof negotiationBand>

/** PRICING.md: X = round_half_up(sum(prior3) / 3), the customer's declared average monthly spend (fen). */
export function declaredAverage(priorMonthlySpend: readonly number[]): number {
  return divideHalfUp(sum(priorMonthlySpend), priorMonthlySpend.length)
}

/** An X agreed by a member of staff, priced instead of the declared average (console assisted quotes only). */
export interface NegotiatedX {
  /** Fen. */
  x: number
}

/** The lowest and highest X staff may agree for a customer declaring this average (fen). */
export function negotiationLimits(band: NegotiationBand, declaredX: number): { min: number; max: number } {
  return { min: pct(declaredX, band.minBp), max: pct(declaredX, band.maxBp) }
}

/** "±30%", or "−20% to +30%" for a band that is not symmetric, as the band's data says. */
export function describeBand(band: NegotiationBand): Text {
  const below = BASIS_POINTS - band.minBp
  const above = band.maxBp - BASIS_POINTS
  if (below === above) return text(`±${percent(above)}`, `±${percent(above)}`)
  return text(`−${percent(below)}至+${percent(above)}`, `−${percent(below)} to +${percent(above)}`)
}
