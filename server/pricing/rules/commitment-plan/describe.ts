import { multiplier, percent, text, yuan, type Text } from '../../labels'
import { pct } from '../../money'
import { describeBand } from '../../negotiation'
import type { RuleDescription } from '../rule-kind'
import type { CommitmentPlanArgs } from './args'

/** An example X for the plain-words price: a firm spending ¥8,000 a month (the seed's case). */
export const EXAMPLE_X = 800_000

/** X, the plans, the care budget and the install waiver in plain words, all from the args. */
export function describeCommitmentPlan(args: CommitmentPlanArgs, _scope: unknown, options?: Record<string, string>): RuleDescription {
  const plans = args.plans.filter((plan) => !options?.plan || plan.id === options.plan)
  const intro = args.introductory
  const xMeaning = text(
    `X 是您近3个月在所有运营商的月均通信费（${yuan(args.minimumX).zh}至${yuan(args.maximumX).zh}；更高由楼宇经理报价），每${args.reviewMonths}个月按最近3个月重新核定。`,
    `X is your average monthly telecom spend over the last 3 months, across all carriers (${yuan(args.minimumX).en} to ${yuan(args.maximumX).en}; above that a building manager quotes), reviewed every ${args.reviewMonths} months.`,
  )
  const care = text(
    `每月实际使用低于承诺消费时，差额的${percent(args.care.shareBp)}计入客户关怀金，每个会员月至少${yuan(args.care.minimum).zh}；关怀金用于增值服务或设备，不抵扣账单。`,
    `When a month's use is below the commitment, ${percent(args.care.shareBp)} of the gap goes to your customer-care budget, and every member month carries at least ${yuan(args.care.minimum).en}; the budget buys services or devices and does not reduce the bill.`,
  )
  const band = args.negotiation && describeBand(args.negotiation)
  const negotiation = band
    ? [
        text(
          `楼宇经理核实您的通信费后，可与您协商确定 X，范围为申报月均的${band.zh}以内，并在报价中注明。`,
          `After checking your bills, your building manager may agree X with you within ${band.en} of the declared average; the quote then says so.`,
        ),
      ]
    : []
  const overAllowance = text('超出可用额度的部分按标准资费另行收取。', 'Use above the allowance is billed at standard tariffs.')
  const installs = args.waiveInstalls
    ? text('入网免全部安装费。', 'Every installation fee is waived on joining.')
    : text('安装费按标准收取。', 'Installation fees are charged at standard prices.')
  const planSentence = (plan: CommitmentPlanArgs['plans'][number]): Text =>
    text(
      `${plan.id} 计划：每月承诺 ${multiplier(plan.commitmentBp)}X，可使用 ${multiplier(plan.allowanceBp)}X 的服务。`,
      `Plan ${plan.id}: commit to ${multiplier(plan.commitmentBp)}X a month and use services worth up to ${multiplier(plan.allowanceBp)}X.`,
    )
  const introSentence = intro
    ? [
        text(
          `前${intro.months}个月承诺 ${multiplier(intro.commitmentBp)}X，之后按计划承诺额。`,
          `${multiplier(intro.commitmentBp)}X for the first ${intro.months} months, then the plan's commitment.`,
        ),
      ]
    : []
  const first = plans[0]
  const examplePay = pct(EXAMPLE_X, intro?.commitmentBp ?? first.commitmentBp)
  const exampleUse = pct(EXAMPLE_X, first.allowanceBp)

  const highlights: Text[] = [
    ...(intro
      ? [text(`前${intro.months}个月承诺消费仅${multiplier(intro.commitmentBp)}倍`, `Commitment only ${multiplier(intro.commitmentBp)}× for the first ${intro.months} months`)]
      : []),
    text(
      `每月付${multiplier(first.commitmentBp)}倍、可用${multiplier(first.allowanceBp)}倍（${first.id}计划）`,
      `Pay ${multiplier(first.commitmentBp)}× your average, use up to ${multiplier(first.allowanceBp)}× (plan ${first.id})`,
    ),
    ...(args.waiveInstalls ? [text('免全部安装费，宽带享合约价', 'Every installation free; broadband at term prices')] : []),
    text(
      `用不完的${percent(args.care.shareBp)}转为客户关怀金，每月至少${yuan(args.care.minimum).zh}`,
      `${percent(args.care.shareBp)} of any unused commitment goes to your care budget, at least ${yuan(args.care.minimum).en} a month`,
    ),
  ]

  return {
    highlights,
    price: [
      xMeaning,
      ...plans.map(planSentence),
      ...introSentence,
      text(
        `例如 X = ${yuan(EXAMPLE_X).zh}，选 ${first.id} 计划：每月付 ${yuan(examplePay).zh}，可使用 ${yuan(exampleUse).zh} 的服务。`,
        `For example, with X = ${yuan(EXAMPLE_X).en} on plan ${first.id}: pay ${yuan(examplePay).en} a month and use services worth up to ${yuan(exampleUse).en}.`,
      ),
      care,
      installs,
    ],
    terms: [xMeaning, ...negotiation, ...plans.map(planSentence), ...introSentence, overAllowance, care, installs],
    faq: [
      { question: text('X 怎么算？', 'How is X worked out?'), answer: xMeaning },
      ...negotiation.map((answer) => ({ question: text('X 可以协商吗？', 'Can X be negotiated?'), answer })),
      { question: text('用不满怎么办？', 'What if I use less?'), answer: care },
      { question: text('超出可用额度呢？', 'And if I use more than the allowance?'), answer: overAllowance },
    ],
  }
}
