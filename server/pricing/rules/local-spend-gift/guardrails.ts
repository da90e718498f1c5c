import { months, text } from '../../labels'
import type { KindGuardrailViolation } from '../rule-kind'
import type { LocalSpendGiftArgs } from './args'

/**
 * DOMAIN.md, market and financial risk: a gift is used in the month it is credited or lost. A gift
 * usable for longer carries over as a liability, which a bundle may not promise.
 */
export function localSpendGiftGuardrails(args: LocalSpendGiftArgs): KindGuardrailViolation[] {
  if (args.giftLapsesAfterMonths === 1) return []
  const period = months(args.giftLapsesAfterMonths)
  return [
    {
      code: 'gift_lapses_monthly',
      path: ['giftLapsesAfterMonths'],
      message: text(
        `赠送额度必须当月使用、当月作废（1个月），不能延续${period.zh}。`,
        `A gift must lapse at the end of the month it can be used in (1 month), not after ${period.en}.`,
      ),
    },
  ]
}
