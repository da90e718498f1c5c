import { text, yuan, type Text } from '../../server/pricing/labels'
import { sum } from '../../server/pricing/money'
import { prepaidPerMonth } from '../../server/pricing/monthly-cost'
import type { PricedQuote } from '../../server/schemas/quote'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'

export interface WorkedExample {
  request: QuoteRequestInput
  /** Who the customer is and what they buy. Amounts come from the request and its live quote, never typed beside them. */
  story: (quote: PricedQuote) => Text
}

/** A request's usage, by category (0 where not given). */
const usage = (request: QuoteRequestInput) => ({ local: request.usage?.local_voice ?? 0, longDistance: request.usage?.long_distance ?? 0, mobile: request.usage?.mobile ?? 0 })

/**
 * One typical customer per public offering, priced live by the engine on the landing page, so the
 * example always matches the current price book. A current spend is given only where the customer
 * really pays it today, so any savings shown are against today, never against a projection.
 */
export const workedExamples: Record<string, WorkedExample> = {
  'bb-express': example(
    { offering: 'bb-express', termMonths: 0, options: { payment: 'prepay-12' }, items: { 'bb-100': 1 }, customer: { status: 'new', currentMonthlySpend: 63000 } },
    (request, quote) => {
      const prepaid = quote.prepaid!
      const today = yuan(request.customer.currentMonthlySpend!)
      return text(
        `一家 12 人的设计工作室，现在每月宽带费 ${today.zh}。预付 ${prepaid.months} 个月 100M 宽带：一次付 ${yuan(prepaid.amount).zh}，合 ${yuan(prepaidPerMonth(prepaid)).zh}/月。`,
        `A 12-person design studio pays ${today.en} a month for broadband today. It prepays ${prepaid.months} months of 100 Mbps: ${yuan(prepaid.amount).en} up front, ${yuan(prepaidPerMonth(prepaid)).en} a month.`,
      )
    },
  ),
  'fixed-broadband': example(
    {
      offering: 'fixed-broadband',
      termMonths: 12,
      items: { 'fixed-line': 2, 'bb-100': 1 },
      customer: { status: 'new' },
      usage: { local_voice: 30000, long_distance: 12000 },
    },
    (request) => {
      const { local, longDistance } = usage(request)
      const lines = request.items!['fixed-line']
      return text(
        `一家 20 人的贸易公司：${lines} 部固话 + 100M 宽带，每月本地通话 ${yuan(local).zh}、长途 ${yuan(longDistance).zh}。`,
        `A 20-person trading company: ${lines} lines + 100 Mbps, ${yuan(local).en} of local and ${yuan(longDistance).en} of long-distance calls a month.`,
      )
    },
  ),
  'fixed-mobile': example(
    {
      offering: 'fixed-mobile',
      termMonths: 12,
      items: { 'mobile-line': 3 },
      customer: { status: 'existing', priorMonthlySpend: [15000, 15000, 15000] },
      usage: { long_distance: 10000 },
    },
    (request) => {
      const mobiles = request.items!['mobile-line']
      return text(
        `已有办公固话的 5 人团队，加 ${mobiles} 部同事手机，每月长途 ${yuan(usage(request).longDistance).zh}。`,
        `A 5-person team with an office line adds ${mobiles} colleague mobiles and makes ${yuan(usage(request).longDistance).en} of long-distance calls a month.`,
      )
    },
  ),
  'local-ld-gift': example(
    { offering: 'local-ld-gift', termMonths: 0, items: { 'fixed-line': 1 }, customer: { status: 'new' }, usage: { local_voice: 60000, long_distance: 5000 } },
    (request) => {
      const { local, longDistance } = usage(request)
      return text(
        `一家本地客服团队：每月本地通话 ${yuan(local).zh}，长途 ${yuan(longDistance).zh}。`,
        `A local customer-service desk: ${yuan(local).en} of local calls and ${yuan(longDistance).en} of long distance a month.`,
      )
    },
  ),
  'business-plus': example(
    {
      offering: 'business-plus',
      termMonths: 12,
      options: { tier: 'T1000' },
      items: { 'fixed-line': 2, 'bb-100': 1 },
      customer: { status: 'new' },
      usage: { local_voice: 52000 },
    },
    (request, quote) => {
      const lines = request.items!['fixed-line']
      const tier = yuan(quote.monthly.commitment!)
      return text(
        `一家 60 人的公司选 ${tier.zh} 档：${lines} 部固话 + 100M 宽带，每月本地通话 ${yuan(usage(request).local).zh}。`,
        `A 60-person company on the ${tier.en} tier: ${lines} lines + 100 Mbps, ${yuan(usage(request).local).en} of local calls a month.`,
      )
    },
  ),
  shangjiale: example({ offering: 'shangjiale', termMonths: 12, customer: { status: 'new' }, usage: { local_voice: 12000, long_distance: 8000 } }, (request) => {
    const { local, longDistance } = usage(request)
    return text(
      `一家街边咖啡店：每月本地通话 ${yuan(local).zh}、长途 ${yuan(longDistance).zh}。`,
      `A corner café: ${yuan(local).en} of local and ${yuan(longDistance).en} of long-distance calls a month.`,
    )
  }),
  evergreen: example(
    {
      offering: 'evergreen',
      termMonths: 12,
      options: { plan: 'A' },
      // It pays today what it paid on average over the last 3 months; its usage is expected to grow.
      customer: { status: 'new', priorMonthlySpend: [800000, 800000, 800000], currentMonthlySpend: 800000 },
      usage: { local_voice: 300000, long_distance: 500000, mobile: 300000 },
    },
    (request, quote) => {
      const expected = yuan(sum(Object.values(usage(request))))
      const today = yuan(request.customer.currentMonthlySpend!)
      const commitment = yuan(quote.monthly.commitment!)
      const allowance = yuan(quote.monthly.allowance!)
      return text(
        `一家快速成长的 80 人企业，现在每月通信费 ${today.zh}（近 3 个月月均 ${yuan(quote.x!).zh}），业务增长后预计每月用 ${expected.zh} 的通信服务（按标准资费）。选 A 计划：每月承诺消费 ${commitment.zh}，可用额度 ${allowance.zh}。`,
        `A fast-growing 80-person firm pays ${today.en} a month today (its 3-month average is ${yuan(quote.x!).en}) and expects to use ${expected.en} of services a month at standard tariffs as it grows. On plan A it commits to ${commitment.en} a month and may use up to ${allowance.en}.`,
      )
    },
  ),
}

function example(request: QuoteRequestInput, story: (request: QuoteRequestInput, quote: PricedQuote) => Text): WorkedExample {
  return { request, story: (quote) => story(request, quote) }
}
