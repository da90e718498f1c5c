import type { MonthlyLine } from '../../schemas/quote'
import type { PricingRule } from '../catalog-schema'
import { usageCategories } from '../catalog-schema'
import { termPrice } from '../catalog'
import { componentLabel, multiplier, text, yuan } from '../labels'
import { pct } from '../money'
import { pricingError, type PricingError } from '../pricing-error'
import {
  includedLines,
  installLines,
  itemsOfCategory,
  rentalLines,
  rentalOf,
  usageOf,
  type PricingContext,
  type RuleOutcome,
} from '../pricing-context'

type Rule = Extract<PricingRule, { kind: 'commitment_plan' }>

/**
 * 商务常青: commit to a multiple of X (the 3-month average spend) and use up to a larger multiple;
 * broadband is an add-on at the term price, outside X (PRICING.md §7–8).
 */
export function priceCommitmentPlan(ctx: PricingContext, rule: Rule): RuleOutcome | PricingError {
  const x = ctx.x!
  if (x < rule.minimumX) {
    return pricingError('below_minimum', `Average monthly spend ${yuan(x).en} is below the plan minimum of ${yuan(rule.minimumX).en}.`, 'customer.priorMonthlySpend')
  }
  if (x > rule.maximumX) {
    return pricingError('refer_to_manager', `Average monthly spend above ${yuan(rule.maximumX).en} is quoted by a building manager.`, 'customer.priorMonthlySpend')
  }
  const plan = rule.plans.find((candidate) => candidate.id === ctx.options.plan)!
  const planCommitment = pct(x, plan.commitmentBp)
  const allowance = pct(x, plan.allowanceBp)
  const commitmentOf = (month: number) =>
    rule.introductory && month <= rule.introductory.months ? pct(x, rule.introductory.commitmentBp) : planCommitment
  const commitmentBp = (month: number) =>
    rule.introductory && month <= rule.introductory.months ? rule.introductory.commitmentBp : plan.commitmentBp

  const broadbandItems = itemsOfCategory(ctx.items, 'broadband')
  const countedItems = ctx.items.filter((item) => item.component.category !== 'broadband')
  const use = rentalOf(countedItems) + usageOf(ctx.usage, usageCategories)
  const overAllowance = Math.max(0, use - allowance)
  const addOnLines: MonthlyLine[] = broadbandItems.map((item) => {
    const price = termPrice(item.component, ctx.request.termMonths)
    return price === undefined
      ? rentalLines([item])[0]
      : {
          code: item.component.code,
          label: componentLabel(item.component, item.count, text(`${ctx.request.termMonths}个月合约价`, `${ctx.request.termMonths}-month term price`)),
          amount: price * item.count,
          rule: 'commitment_plan.broadband_term_price',
          quantity: item.count,
        }
  })
  const broadbandDiscountPerMonth = broadbandItems.reduce(
    (total, item) => total + (item.component.monthly - (termPrice(item.component, ctx.request.termMonths) ?? item.component.monthly)) * item.count,
    0,
  )

  const monthLines = (month: number): MonthlyLine[] => [
    {
      code: 'commitment',
      label: text(
        `月承诺消费 ${multiplier(commitmentBp(month))} × X（X = ${yuan(x).zh}）`,
        `Monthly commitment ${multiplier(commitmentBp(month))} × X (X = ${yuan(x).en})`,
      ),
      amount: commitmentOf(month),
      rule: rule.introductory && month <= rule.introductory.months ? 'commitment_plan.introductory_commitment' : 'commitment_plan.commitment',
    },
    ...includedLines(countedItems, 'commitment_plan.rental_counts_as_usage', text('计入可用额度', 'counts toward the allowance')),
    ...(overAllowance > 0
      ? [
          {
            code: 'over_allowance',
            label: text(`超出可用额度${yuan(allowance).zh}的部分`, `Usage above the ${yuan(allowance).en} allowance`),
            amount: overAllowance,
            rule: 'commitment_plan.over_allowance',
          },
        ]
      : []),
    ...addOnLines,
  ]

  const firstCommitment = commitmentOf(1)
  const gap = Math.max(0, firstCommitment - use)
  const care = pct(gap, rule.care.shareBp)

  return {
    oneTime: installLines(ctx.items, () => rule.waiveInstalls, 'commitment_plan.joining_waives_installs'),
    monthLines,
    commitment: firstCommitment,
    allowance,
    careCredit: care >= rule.care.minimum ? care : 0,
    gifts: [],
    x,
    etfCommitment: planCommitment,
    broadbandDiscountPerMonth,
    terms: [
      text(
        `X 为近3个月月均通信费，每${rule.reviewMonths}个月按最近3个月重新核定。`,
        `X is your average monthly telecom spend over the last 3 months, reviewed every ${rule.reviewMonths} months.`,
      ),
      text(
        `每月实际使用低于承诺消费时，差额的一半（不少于${yuan(rule.care.minimum).zh}）计入客户关怀金。`,
        `When a month's usage is below the commitment, half the gap (at least ${yuan(rule.care.minimum).en}) goes to your customer-care budget.`,
      ),
      ...(rule.introductory
        ? [
            text(
              `前${rule.introductory.months}个月承诺消费 ${multiplier(rule.introductory.commitmentBp)} × X，之后 ${multiplier(plan.commitmentBp)} × X。`,
              `Commitment ${multiplier(rule.introductory.commitmentBp)} × X for the first ${rule.introductory.months} months, then ${multiplier(plan.commitmentBp)} × X.`,
            ),
          ]
        : []),
    ],
  }
}
