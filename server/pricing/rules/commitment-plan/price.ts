import type { MonthlyLine } from '../../../schemas/quote'
import { componentLabel, multiplier, text, yuan } from '../../labels'
import { pct } from '../../money'
import { usageCategories } from '../../primitives'
import { pricingError, type PricingError } from '../../pricing-error'
import {
  includedLines,
  installLines,
  itemsOfCategory,
  rentalLines,
  rentalOf,
  termPrice,
  usageOf,
  type Coded,
  type PricingContext,
  type RuleOutcome,
} from '../../pricing-context'
import type { CommitmentPlanArgs } from './args'
import { careCredit } from './care-credit'
import type { CommitmentPlanCode } from './codes'

type Line = Coded<MonthlyLine, CommitmentPlanCode>

/**
 * 商务常青: commit to a multiple of X (the 3-month average spend) and use up to a larger multiple;
 * broadband is an add-on at the term price, outside X (PRICING.md §7–8).
 */
export function priceCommitmentPlan(ctx: PricingContext, args: CommitmentPlanArgs): RuleOutcome<CommitmentPlanCode> | PricingError {
  const x = ctx.x!
  // An X agreed by staff is held to the plan's limits too; the refusal then names the agreed X.
  const agreed = ctx.declaredX !== null
  const xField = agreed ? 'negotiatedX' : 'customer.priorMonthlySpend'
  if (x < args.minimumX) {
    return pricingError('below_minimum', `Average monthly spend ${yuan(x).en} is below the plan minimum of ${yuan(args.minimumX).en}.`, xField)
  }
  if (x > args.maximumX) {
    return pricingError('refer_to_manager', `Average monthly spend above ${yuan(args.maximumX).en} is quoted by a building manager.`, xField)
  }
  const plan = args.plans.find((candidate) => candidate.id === ctx.options.plan)!
  const isIntroductory = (month: number) => args.introductory !== undefined && month <= args.introductory.months
  const commitmentBpOf = (introductory: boolean) => (introductory ? args.introductory!.commitmentBp : plan.commitmentBp)
  const commitmentOf = (month: number) => pct(x, commitmentBpOf(isIntroductory(month)))
  const allowance = pct(x, plan.allowanceBp)

  const broadbandItems = itemsOfCategory(ctx.items, 'broadband')
  const countedItems = ctx.items.filter((item) => item.component.category !== 'broadband')
  const use = rentalOf(countedItems) + usageOf(ctx.usage, usageCategories)
  const overAllowance = Math.max(0, use - allowance)
  const termMonths = ctx.request.termMonths
  const addOnLines: Line[] = broadbandItems.map((item) => {
    const price = termPrice(item.component, termMonths)
    return price === undefined
      ? rentalLines([item], 'commitment_plan.broadband_standard_monthly')[0]
      : {
          code: item.component.code,
          label: componentLabel(item.component, item.count, text(`${termMonths}个月合约价`, `${termMonths}-month term price`)),
          amount: price * item.count,
          rule: 'commitment_plan.broadband_term_price',
          quantity: item.count,
        }
  })
  const broadbandDiscountPerMonth = broadbandItems.reduce(
    (total, item) => total + (item.component.monthly - (termPrice(item.component, termMonths) ?? item.component.monthly)) * item.count,
    0,
  )

  const xNote = agreed
    ? text(
        `X = ${yuan(x).zh}，经楼宇经理协商确定；申报月均 ${yuan(ctx.declaredX!).zh}`,
        `X = ${yuan(x).en} as agreed with your building manager; declared average ${yuan(ctx.declaredX!).en}`,
      )
    : text(`X = ${yuan(x).zh}`, `X = ${yuan(x).en}`)
  const overAllowanceLines: Line[] =
    overAllowance > 0
      ? [
          {
            code: 'over_allowance',
            label: text(`超出可用额度${yuan(allowance).zh}的部分`, `Usage above the ${yuan(allowance).en} allowance`),
            amount: overAllowance,
            rule: 'commitment_plan.over_allowance',
          },
        ]
      : []
  const usageLines = includedLines(countedItems, 'commitment_plan.rental_counts_as_usage', text('计入可用额度', 'counts toward the allowance'))
  const linesOfMonth = (introductory: boolean): Line[] => [
    {
      code: 'commitment',
      label: text(
        `月承诺消费 ${multiplier(commitmentBpOf(introductory))} × X（${xNote.zh}）`,
        `Monthly commitment ${multiplier(commitmentBpOf(introductory))} × X (${xNote.en})`,
      ),
      amount: pct(x, commitmentBpOf(introductory)),
      // An agreed X names its own rule: the line explains why X is not the declared average.
      rule: agreed ? 'commitment_plan.negotiated_x' : introductory ? 'commitment_plan.introductory_commitment' : 'commitment_plan.commitment',
    },
    ...usageLines,
    ...overAllowanceLines,
    ...addOnLines,
  ]
  // A month's bill depends only on whether the month is introductory, so each kind of month is worded
  // once, not once for every month the engine adds up (formatting its amounts was most of a quote's time).
  const regularMonth = linesOfMonth(false)
  const introductoryMonth = args.introductory === undefined ? regularMonth : linesOfMonth(true)
  const monthLines = (month: number): Line[] => (isIntroductory(month) ? introductoryMonth : regularMonth)

  return {
    oneTime: installLines(ctx.items, () => args.waiveInstalls, {
      charged: 'commitment_plan.standard_install',
      waived: 'commitment_plan.joining_waives_installs',
    }),
    monthLines,
    commitment: commitmentOf(1),
    allowance,
    careCredit: careCredit(args.care, commitmentOf(1), use),
    gifts: [],
    x,
    etfCommitment: pct(x, plan.commitmentBp),
    broadbandDiscountPerMonth,
  }
}
