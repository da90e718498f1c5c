import { z } from 'zod'
import { percent, text, yuan, type Text } from './labels'
import { divideHalfUp, pct } from './money'
import { basisPoints, fen } from './primitives'

/** An offering's early-termination rule (DOMAIN.md: every contract term states one). */
export const earlyTerminationSchema = z.strictObject({
  /** A fixed amount per remaining month. */
  perRemainingMonth: fen.default(0),
  /** A share of the monthly commitment per remaining month. */
  commitmentShareBp: basisPoints.default(0),
  /** Pay back the monthly broadband discount for each remaining month. */
  broadbandDiscount: z.boolean().default(false),
  /** round_half_up(waivedOneTime × r / term). */
  proRataWaivedOneTime: z.boolean().default(false),
})

export type EarlyTermination = z.infer<typeof earlyTerminationSchema>

/** What a fee is computed from, besides the rule: the quote's commitment, discount and waivers. */
export interface EarlyTerminationBasis {
  commitment: number
  broadbandDiscountPerMonth: number
  waivedOneTime: number
}

/** One fee for each month the customer may leave after, 1..term−1 (PRICING.md, each offering's ETF). */
export function earlyTerminationFees(rule: EarlyTermination | null, termMonths: number, basis: EarlyTerminationBasis) {
  if (!rule || termMonths === 0) return []
  const perRemainingMonth =
    rule.perRemainingMonth + pct(basis.commitment, rule.commitmentShareBp) + (rule.broadbandDiscount ? basis.broadbandDiscountPerMonth : 0)
  return Array.from({ length: termMonths - 1 }, (_, index) => {
    const afterMonths = index + 1
    const remaining = termMonths - afterMonths
    const proRata = rule.proRataWaivedOneTime ? divideHalfUp(basis.waivedOneTime * remaining, termMonths) : 0
    return { afterMonths, fee: remaining * perRemainingMonth + proRata }
  })
}

/** The early-termination rule in words, built from its data. */
export function describeEarlyTermination(rule: EarlyTermination | null): Text {
  if (!rule) return text('无合约期，可随时停用，无提前解约费。', 'No contract term: stop any time, no early-termination fee.')
  const parts: Text[] = [
    ...(rule.perRemainingMonth > 0 ? [text(`每个剩余月 ${yuan(rule.perRemainingMonth).zh}`, `${yuan(rule.perRemainingMonth).en} per remaining month`)] : []),
    ...(rule.commitmentShareBp > 0
      ? [text(`每个剩余月承诺消费的 ${percent(rule.commitmentShareBp)}`, `${percent(rule.commitmentShareBp)} of the monthly commitment per remaining month`)]
      : []),
    ...(rule.broadbandDiscount ? [text('剩余月份的宽带优惠差价', 'the broadband discount for each remaining month')] : []),
    ...(rule.proRataWaivedOneTime ? [text('按剩余期限比例补交已减免的一次性费用', 'the waived one-time fees, pro rata to the remaining term')] : []),
  ]
  if (parts.length === 0) return text('合约期内可随时解约，无提前解约费。', 'You may leave during the term without an early-termination fee.')
  return text(
    `合约期内提前解约需支付：${parts.map((part) => part.zh).join('，')}。`,
    `Leaving before the end of the term costs ${parts.map((part) => part.en).join(', plus ')}.`,
  )
}
