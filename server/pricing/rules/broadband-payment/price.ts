import { componentLabel, text, yuan } from '../../labels'
import type { MonthlyLine } from '../../../schemas/quote'
import { installLines, itemsOfCategory, rentalLines, termPrice, type Coded, type PricingContext, type RuleOutcome } from '../../pricing-context'
import type { BroadbandPaymentArgs } from './args'
import { bonusOf, prepayBonusGiftKind } from './bonus'
import type { BroadbandPaymentCode } from './codes'

type Line = Coded<MonthlyLine, BroadbandPaymentCode>

/** 网络快车: pay monthly, or prepay months at the term price (PRICING.md §1). */
export function priceBroadbandPayment(ctx: PricingContext, args: BroadbandPaymentArgs): RuleOutcome<BroadbandPaymentCode> {
  const payment = args.payments.find((candidate) => candidate.id === ctx.options.payment)!
  const [broadband] = itemsOfCategory(ctx.items, 'broadband').filter((item) => item.component.speedMbps)
  const addOns = ctx.items.filter((item) => item !== broadband)
  const prepaidMonthly = payment.prepayMonths > 0 ? termPrice(broadband.component, payment.prepayMonths)! : 0
  const bonus = bonusOf(payment)

  const oneTime: RuleOutcome<BroadbandPaymentCode>['oneTime'] = installLines(ctx.items, () => payment.waiveInstall, {
    charged: 'broadband_payment.standard_install',
    waived: 'broadband_payment.prepay_waives_install',
  })
  const prepaid = payment.prepayMonths > 0 ? { amount: payment.prepayMonths * prepaidMonthly * broadband.count, months: payment.prepayMonths } : undefined
  if (prepaid) {
    oneTime.push({
      code: 'prepay',
      label: componentLabel(
        broadband.component,
        broadband.count,
        text(`预付${payment.prepayMonths}个月，每月${yuan(prepaidMonthly).zh}`, `${payment.prepayMonths} months prepaid at ${yuan(prepaidMonthly).en} a month`),
      ),
      amount: prepaid.amount,
      waived: false,
      rule: 'broadband_payment.prepay',
    })
  }

  // A month is either prepaid or paid: each kind is worded once, not once for every month of the term.
  const addOnLines = rentalLines(addOns, 'broadband_payment.standard_monthly')
  const paidMonth: Line[] = [...rentalLines([broadband], 'broadband_payment.standard_monthly'), ...addOnLines]
  const prepaidMonth: Line[] = [
    {
      code: broadband.component.code,
      label: componentLabel(broadband.component, broadband.count, text('已预付', 'prepaid')),
      amount: 0,
      rule: 'broadband_payment.prepaid',
      quantity: broadband.count,
    },
    ...addOnLines,
  ]

  return {
    oneTime,
    monthLines: (month) => (month <= payment.prepayMonths ? prepaidMonth : paidMonth),
    commitment: null,
    allowance: null,
    careCredit: 0,
    // The bonus is credit for month 1, never a cut of the bills (DOMAIN.md: rental and credit priced apart).
    gifts: bonus ? [{ kind: prepayBonusGiftKind, amount: payment.bonusCredit, label: bonus.label }] : [],
    etfCommitment: 0,
    broadbandDiscountPerMonth: 0,
    ...(prepaid ? { prepaid } : {}),
  }
}
