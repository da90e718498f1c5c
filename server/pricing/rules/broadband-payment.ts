import type { PricingRule } from '../catalog-schema'
import { termPrice } from '../catalog'
import { componentLabel, text } from '../labels'
import { installLines, itemsOfCategory, rentalLines, type PricingContext, type RuleOutcome } from '../pricing-context'

type Rule = Extract<PricingRule, { kind: 'broadband_payment' }>

/** 网络快车: pay monthly, or prepay months at the term price (PRICING.md §1). */
export function priceBroadbandPayment(ctx: PricingContext, rule: Rule): RuleOutcome {
  const payment = rule.payments.find((candidate) => candidate.id === ctx.options.payment)!
  const [broadband] = itemsOfCategory(ctx.items, 'broadband').filter((item) => item.component.speedMbps)
  const addOns = ctx.items.filter((item) => item !== broadband)
  const prepaidMonthly = payment.prepayMonths > 0 ? termPrice(broadband.component, payment.prepayMonths)! : 0

  const oneTime = installLines(ctx.items, () => payment.waiveInstall, 'broadband_payment.prepay_waives_install')
  if (payment.prepayMonths > 0) {
    oneTime.push({
      code: 'prepay',
      label: componentLabel(
        broadband.component,
        broadband.count,
        text(`预付${payment.prepayMonths}个月，每月¥${prepaidMonthly / 100}`, `${payment.prepayMonths} months prepaid at ¥${prepaidMonthly / 100}/month`),
      ),
      amount: payment.prepayMonths * prepaidMonthly * broadband.count,
      waived: false,
      rule: 'broadband_payment.prepay',
    })
  }

  return {
    oneTime,
    monthLines: (month) => [
      month <= payment.prepayMonths
        ? {
            code: broadband.component.code,
            label: componentLabel(broadband.component, broadband.count, text('已预付', 'prepaid')),
            amount: 0,
            rule: 'broadband_payment.prepaid',
            quantity: broadband.count,
          }
        : rentalLines([broadband])[0],
      ...rentalLines(addOns),
    ],
    commitment: null,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: 0,
    broadbandDiscountPerMonth: 0,
    terms:
      payment.prepayMonths > 0
        ? [
            text(
              `预付费用不予退还；预付期满后按标准月租¥${broadband.component.monthly / 100}计费。`,
              `Prepaid amounts are non-refundable; after the prepaid months the standard ¥${broadband.component.monthly / 100} a month applies.`,
            ),
          ]
        : [text('按月付费，无合约期，无提前解约费。', 'Paid monthly, no contract term, no early-termination fee.')],
  }
}
