import { formatYuan } from '../../../server/pricing/money'
import type { Lang } from '../../lib/lang'

/** Copy of the savings proposal (通信费用节省建议书); amounts arrive already formatted. */
export const proposalText = {
  zh: {
    title: '通信费用节省建议书',
    description: '您的企业通信费用对比：现状、我们的方案、节省与回报、合约条款。',
    quoteDate: '报价日期',
    reference: '报价编号',
    validUntil: '有效期至',
    building: '所在楼宇',
    manager: '您的楼宇经理',
    managerHint: '调整方案或预约上门勘查，请直接联系楼宇经理。',
    call: '致电',
    print: '打印建议书',
    orderThis: '按此方案下单',
    configureAgain: '重新配置方案',
    allBundles: '查看全部套餐',
    printUrl: '在线查看本建议书：',
    currentTitle: '现状',
    currentSpend: '当前每月通信费',
    xLabel: '近 3 个月月均通信费（X）',
    usageTitle: '申报的每月用量（按标准资费）',
    usage: { local_voice: '本地通话', long_distance: '长途', mobile: '手机' } as Record<string, string>,
    usageTotal: '用量合计',
    perMonth: '/月',
    noCurrentSpend: '您尚未填写当前每月通信费，因此暂不计算节省金额；方案价格见下文。',
    addCurrentSpend: '填写当前每月通信费，查看节省对比',
    planTitle: '我们的方案',
    offering: '套餐',
    colon: '：',
    term: '合约期',
    noTerm: '无合约期',
    months: (n: number) => `${n} 个月`,
    monthlyTitle: '每月费用',
    included: '已含',
    estimatedBill: '预计月账单',
    estimatedNote: '按您申报的用量估算，实际以每月使用量为准。',
    commitment: '每月承诺消费',
    allowance: '每月可用额度',
    careCredit: '每月客户关怀金',
    careCreditNote: '用于客户关怀，不抵减账单',
    giftsTitle: '赠送',
    oneTimeTitle: '一次性费用',
    waived: '免',
    waivedTotal: (amount: string) => `已为您减免 ${amount}`,
    oneTimeTotal: '一次性费用合计',
    noOneTime: '无一次性费用',
    firstYearTotal: '首年总费用',
    firstYearNote: '一次性费用 + 12 个月账单',
    savingsTitle: '节省与回报',
    monthlySaving: '每月节省',
    monthlyMore: '每月多付',
    firstMonthSaving: '首月节省',
    firstMonthMore: '首月多付',
    annualSaving: '每年节省',
    annualMore: '每年多付',
    netSaving: '首年净节省（含一次性费用）',
    netMore: '首年净多付（含一次性费用）',
    same: '与现在持平',
    savingsBasis: (current: string) => `以您申报的当前每月通信费 ${current} 为基准，与方案账单逐月对比。`,
    prepaidBasis: (amount: string, months: number, perMonth: string) => `预付款 ${amount} 按所含 ${months} 个月分摊（每月 ${perMonth}），计入每月和每年的对比。`,
    costsMoreNote: '按您申报的数字，这个方案比您现在的支出更高。它可能带来更多带宽、线路或服务；如需更省钱的组合，请联系楼宇经理或重新配置。',
    needsCurrentSpend: '对比节省需要您当前的每月通信费。',
    termsTitle: '合约条款',
    etfTitle: '提前解约费',
    etfCaption: (from: number, to: number) => `提前解约费（履约第 ${from}–${to} 个月）`,
    etfAfter: '履约月数',
    etfFee: '解约费',
    etfRow: (m: number) => `满 ${m} 个月后`,
    noEtf: '无合约期，无提前解约费。',
    notFoundTitle: '找不到这份建议书',
    notFoundBody: '链接可能不完整，或这份报价并不存在。您可以重新选择套餐，生成一份新的建议书。',
    expiredTitle: '这份建议书已过期',
    expiredBody: (date: string) => `报价有效期为 7 天，已于${date}到期。价格可能已经调整，为避免误导，过期报价不再显示金额。`,
    newQuote: '按此方案下单：先按同一配置重新报价',
    checkBuilding: '查询您的楼宇',
    chart: {
      caption: '12 个月费用对比',
      current: '当前每月通信费',
      proposed: '方案月账单',
      cumulative: '累计节省',
      cumulativeWithOneTime: '累计节省（含一次性费用）',
      negativeHint: '（低于 0 表示多付）',
      monthlyPanel: '每月费用',
      cumulativePanel: '累计节省',
      twelveMonths: '12 个月合计',
      month: '月份',
      monthN: (n: number) => `第 ${n} 个月`,
      difference: '当月节省',
      tableCaption: '逐月费用对比（12 个月）',
      title: '现有通信费与方案账单的 12 个月对比',
      desc: (a: ChartSummary) => {
        const monthly =
          a.minProposed === a.maxProposed
            ? `方案每月账单 ${a.firstProposed}`
            : `方案每月账单在 ${a.minProposedText} 至 ${a.maxProposedText} 之间`
        const oneTime = a.oneTime ? `（已计入一次性费用 ${a.oneTime}）` : ''
        const outcome = a.endNegative ? `12 个月累计多付 ${a.endText}${oneTime}` : `12 个月累计节省 ${a.endText}${oneTime}`
        return `您现在每月通信费 ${a.current}，${monthly}。${outcome}。`
      },
    },
  },
  en: {
    title: 'Telecom savings proposal',
    description: 'Your company telecom costs compared: current situation, our plan, savings and return, contract terms.',
    quoteDate: 'Quote date',
    reference: 'Reference',
    validUntil: 'Valid until',
    building: 'Building',
    manager: 'Your building manager',
    managerHint: 'Call them to adjust the plan or book a site visit.',
    call: 'Call',
    print: 'Print proposal',
    orderThis: 'Order this',
    configureAgain: 'Configure again',
    allBundles: 'See all bundles',
    printUrl: 'View this proposal online: ',
    currentTitle: 'Your current situation',
    currentSpend: 'Current monthly telecom spend',
    xLabel: 'Average monthly spend, last 3 months (X)',
    usageTitle: 'Declared monthly usage (at standard tariffs)',
    usage: { local_voice: 'Local calls', long_distance: 'Long distance', mobile: 'Mobile' } as Record<string, string>,
    usageTotal: 'Total usage',
    perMonth: ' a month',
    noCurrentSpend: 'You have not told us your current monthly telecom spend, so no savings are worked out; the plan and its prices follow.',
    addCurrentSpend: 'Add your current monthly spend to compare',
    planTitle: 'Our plan',
    offering: 'Bundle',
    colon: ': ',
    term: 'Contract term',
    noTerm: 'No contract term',
    months: (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`,
    monthlyTitle: 'Monthly charges',
    included: 'included',
    estimatedBill: 'Estimated monthly bill',
    estimatedNote: 'Estimated from the usage you declared; actual bills follow actual usage.',
    commitment: 'Monthly commitment',
    allowance: 'Monthly usage allowance',
    careCredit: 'Monthly customer-care budget',
    careCreditNote: 'for customer care, not a bill reduction',
    giftsTitle: 'Gifts',
    oneTimeTitle: 'One-time charges',
    waived: 'waived',
    waivedTotal: (amount: string) => `${amount} waived for you`,
    oneTimeTotal: 'One-time total',
    noOneTime: 'No one-time charges',
    firstYearTotal: 'First-year total',
    firstYearNote: 'one-time charges + 12 monthly bills',
    savingsTitle: 'Savings and return',
    monthlySaving: 'Saved each month',
    monthlyMore: 'Costs more each month',
    firstMonthSaving: 'Saved in month 1',
    firstMonthMore: 'Costs more in month 1',
    annualSaving: 'Saved each year',
    annualMore: 'Costs more each year',
    netSaving: 'First-year net saving (incl. one-time charges)',
    netMore: 'First-year net extra cost (incl. one-time charges)',
    same: 'Same as today',
    savingsBasis: (current: string) => `Compared month by month with the current monthly spend you declared, ${current}.`,
    prepaidBasis: (amount: string, months: number, perMonth: string) => `The ${amount} prepayment is counted over the ${months} ${months === 1 ? 'month' : 'months'} it buys (${perMonth} a month) in the monthly and yearly figures.`,
    costsMoreNote: 'On the figures you declared, this plan costs more than you pay today. It may bring more bandwidth, lines or services; for a cheaper combination, talk to your building manager or configure again.',
    needsCurrentSpend: 'A savings comparison needs your current monthly telecom spend.',
    termsTitle: 'Contract terms',
    etfTitle: 'Early-termination fees',
    etfCaption: (from: number, to: number) => `Early-termination fees (months ${from}–${to})`,
    etfAfter: 'Cancelled after',
    etfFee: 'Fee',
    etfRow: (m: number) => `${m} ${m === 1 ? 'month' : 'months'}`,
    noEtf: 'No contract term, no early-termination fee.',
    notFoundTitle: 'We can’t find this proposal',
    notFoundBody: 'The link may be incomplete, or the quote does not exist. Choose a bundle to make a new proposal.',
    expiredTitle: 'This proposal has expired',
    expiredBody: (date: string) => `Quotes are valid for 7 days; this one expired on ${date}. Prices may have changed, so an expired quote no longer shows them.`,
    newQuote: 'Order this: get a fresh quote for the same configuration',
    checkBuilding: 'Check your building',
    chart: {
      caption: '12-month cost comparison',
      current: 'Current monthly spend',
      proposed: 'Proposed monthly bill',
      cumulative: 'Cumulative saving',
      cumulativeWithOneTime: 'Cumulative saving (incl. one-time charges)',
      negativeHint: '(below 0 means you pay more)',
      monthlyPanel: 'Monthly cost',
      cumulativePanel: 'Cumulative saving',
      twelveMonths: '12 months:',
      month: 'Month',
      monthN: (n: number) => `Month ${n}`,
      difference: 'Saved that month',
      tableCaption: 'Month-by-month comparison (12 months)',
      title: 'Current telecom spend compared with the proposed bills over 12 months',
      desc: (a: ChartSummary) => {
        const monthly =
          a.minProposed === a.maxProposed
            ? `the proposed bill is ${a.firstProposed} every month`
            : `the proposed bill ranges from ${a.minProposedText} to ${a.maxProposedText} a month`
        const oneTime = a.oneTime ? `, after ${a.oneTime} of one-time charges` : ''
        const outcome = a.endNegative ? `Over 12 months you would pay ${a.endText} more${oneTime}` : `Over 12 months you would save ${a.endText}${oneTime}`
        return `You pay ${a.current} a month today; ${monthly}. ${outcome}.`
      },
    },
  },
} satisfies Record<Lang, unknown>

export interface ChartSummary {
  current: string
  firstProposed: string
  minProposed: number
  maxProposed: number
  minProposedText: string
  maxProposedText: string
  oneTime: string | null
  endText: string
  endNegative: boolean
}

/** Axis labels: whole yuan without the trailing .00, still through formatYuan. */
export function formatAxisYuan(fen: number, lang: Lang): string {
  const text = formatYuan(Math.abs(fen), lang).replace(/\.00$/, '')
  return fen < 0 ? `−${text}` : text
}
