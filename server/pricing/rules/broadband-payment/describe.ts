import { text, yuan, type Text } from '../../labels'
import type { DescribeScope, RuleDescription } from '../rule-kind'
import type { BroadbandPaymentArgs } from './args'
import { bonusOf } from './bonus'
import { monthlyUnder, speedsOf } from './prepayment'

/** The payments in plain words, the prepayment terms and FAQ, all read from the args and tariffs. */
export function describeBroadbandPayment(args: BroadbandPaymentArgs, scope: DescribeScope, options?: Record<string, string>): RuleDescription {
  const speeds = speedsOf(scope)
  const payments = args.payments.filter((payment) => !options?.payment || payment.id === options.payment)
  const prepaid = payments.filter((payment) => payment.prepayMonths > 0)

  const price: Text[] = payments.map((payment) => {
    const perSpeed = speeds.map((speed) => {
      const monthly = monthlyUnder(speed, payment.prepayMonths)
      return payment.prepayMonths > 0
        ? text(`${speed.name.zh} ${yuan(monthly * payment.prepayMonths).zh}（合 ${yuan(monthly).zh}/月）`, `${speed.name.en} ${yuan(monthly * payment.prepayMonths).en} (${yuan(monthly).en} a month)`)
        : text(`${speed.name.zh} ${yuan(monthly).zh}/月`, `${speed.name.en} ${yuan(monthly).en} a month`)
    })
    const install = payment.waiveInstall ? text('免安装费', 'installation free') : text('安装费另计', 'installation charged')
    const bonus = bonusOf(payment)?.clause
    const withBonus = bonus ? text(`${install.zh}，${bonus.zh}`, `${install.en}, ${bonus.en}`) : install
    return payment.prepayMonths > 0
      ? text(
          `${payment.name.zh}：${perSpeed.map((part) => part.zh).join('，')}，${withBonus.zh}；期满后按月付费。`,
          `${payment.name.en}: ${perSpeed.map((part) => part.en).join(', ')}, ${withBonus.en}; monthly prices after the prepaid months.`,
        )
      : text(
          `${payment.name.zh}：${perSpeed.map((part) => part.zh).join('，')}，${withBonus.zh}，无合约期。`,
          `${payment.name.en}: ${perSpeed.map((part) => part.en).join(', ')}, ${withBonus.en}, no contract.`,
        )
  })

  const terms: Text[] =
    prepaid.length > 0
      ? [
          text(
            `预付费用不予退还；预付期满后按标准月租（${speeds.map((speed) => `${speed.name.zh} ${yuan(speed.monthly).zh}`).join('，')}）计费，可随时停用。`,
            `Prepaid amounts are non-refundable; after the prepaid months the standard monthly price applies (${speeds.map((speed) => `${speed.name.en} ${yuan(speed.monthly).en}`).join(', ')}) and you can stop any time.`,
          ),
        ]
      : [text('按月付费，无合约期，无提前解约费。', 'Paid monthly, no contract term, no early-termination fee.')]
  // A bonus is promised in the contract with its lapse, after the refund term the FAQ answers with.
  terms.push(...payments.flatMap((payment) => bonusOf(payment)?.sentence ?? []))

  const slowest = speeds[0]
  const fastest = speeds[speeds.length - 1]
  const highlights: Text[] = [
    text(`${slowest.speedMbps}M 到 ${fastest.speedMbps}M 光纤宽带，上门安装`, `${slowest.speedMbps} to ${fastest.speedMbps} Mbps fibre, installed on site`),
    ...prepaid.map((payment) => {
      const total = yuan(monthlyUnder(slowest, payment.prepayMonths) * payment.prepayMonths)
      const point = payment.waiveInstall
        ? text(`预付${payment.prepayMonths}个月${slowest.speedMbps}M仅${total.zh}，免安装费`, `${payment.prepayMonths} months of ${slowest.speedMbps} Mbps prepaid for ${total.en}, installation free`)
        : text(`预付${payment.prepayMonths}个月${slowest.speedMbps}M仅${total.zh}`, `${payment.prepayMonths} months of ${slowest.speedMbps} Mbps prepaid for ${total.en}`)
      const bonus = payment.bonusCredit > 0 ? yuan(payment.bonusCredit) : undefined
      return bonus ? text(`${point.zh}，另赠${bonus.zh}话费`, `${point.en}, plus ${bonus.en} bonus credit`) : point
    }),
    ...(payments.some((payment) => payment.prepayMonths === 0) ? [text('按月付费无合约，随时可停', 'Pay monthly with no contract, stop any time')] : []),
  ]

  return {
    highlights,
    price,
    terms,
    faq:
      prepaid.length > 0
        ? [{ question: text('预付费可以退吗？', 'Can I get a prepayment back?'), answer: terms[0] }]
        : [],
  }
}
