import { text, yuan } from '../../labels'
import type { DescribeScope, KindGuardrailViolation } from '../rule-kind'
import type { BroadbandPaymentArgs } from './args'
import { monthlyUnder, speedsOf } from './prepayment'

/**
 * DOMAIN.md, market risk: a prepay bonus never equals the whole prepayment. A bonus comes only with a
 * prepayment, and stays strictly below the smallest one it can come with: the payment's months at the
 * term price of that length of the cheapest speed the offering sells.
 */
export function broadbandPaymentGuardrails(args: BroadbandPaymentArgs, scope: DescribeScope): KindGuardrailViolation[] {
  const speeds = speedsOf(scope)
  return args.payments.flatMap((payment, index): KindGuardrailViolation[] => {
    if (payment.bonusCredit === 0) return []
    const path = ['payments', index, 'bonusCredit']
    if (payment.prepayMonths === 0) {
      return [
        {
          code: 'prepay_bonus_below_prepayment',
          path,
          message: text(`${payment.name.zh}不是预付，不能赠送预付额度。`, `${payment.name.en} is not a prepayment: only a prepayment may earn a bonus credit.`),
        },
      ]
    }
    const prepayments = speeds.map((speed) => ({ speed, amount: payment.prepayMonths * monthlyUnder(speed, payment.prepayMonths) }))
    const smallest = prepayments.reduce<(typeof prepayments)[number] | undefined>((min, each) => (!min || each.amount < min.amount ? each : min), undefined)
    if (!smallest) {
      return [
        {
          code: 'prepay_bonus_below_prepayment',
          path,
          message: text(`该产品没有可预付的宽带速率，${payment.name.zh}不能赠送额度。`, `The offering sells no broadband speed to prepay: ${payment.name.en} may not earn a bonus credit.`),
        },
      ]
    }
    if (payment.bonusCredit < smallest.amount) return []
    return [
      {
        code: 'prepay_bonus_below_prepayment',
        path,
        message: text(
          `${payment.name.zh}的赠送额度 ${yuan(payment.bonusCredit).zh} 必须低于最低预付款（${smallest.speed.name.zh} ${yuan(smallest.amount).zh}）。`,
          `The bonus credit of ${payment.name.en} (${yuan(payment.bonusCredit).en}) must be below the smallest prepayment (${smallest.speed.name.en}, ${yuan(smallest.amount).en}).`,
        ),
      },
    ]
  })
}
