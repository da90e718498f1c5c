import { text, yuan, type Text } from '../../labels'
import type { BroadbandPaymentArgs } from './args'

type Payment = BroadbandPaymentArgs['payments'][number]

/** The gift kind of a payment's bonus credit (a quote's gifts and the gift-liability report). */
export const prepayBonusGiftKind = 'prepay_bonus_credit'

/**
 * A payment's bonus credit in words, from its amount: credited for month 1 and lapsing if unused then
 * (DOMAIN.md: free credit is used in its month or lost). Undefined for a payment without one.
 */
export function bonusOf(payment: Payment): { clause: Text; sentence: Text; label: Text } | undefined {
  if (payment.bonusCredit <= 0) return undefined
  const amount = yuan(payment.bonusCredit)
  return {
    clause: text(`另赠${amount.zh}话费额度（首月可用，当月不用作废）`, `plus ${amount.en} of bonus credit (month 1 only; lapses if unused)`),
    sentence: text(
      `${payment.name.zh}赠送的${amount.zh}话费额度仅限首月使用，不可累计、不可兑现，当月不用作废。`,
      `The ${amount.en} bonus credit with ${payment.name.en} is for month 1 only; it cannot be carried over or cashed and lapses if unused.`,
    ),
    label: text(`${payment.name.zh}赠送${amount.zh}话费额度，首月可用，当月不用作废`, `${payment.name.en}: ${amount.en} of bonus credit for month 1; lapses if unused`),
  }
}
