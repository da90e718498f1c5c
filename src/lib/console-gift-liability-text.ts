import type { Lang } from './lang'

interface GiftLiabilityText {
  title: string
  back: string
  intro: string
  estimate: string
  rules: string[]
  range: { legend: string; from: string; months: string; show: string; invalid: string }
  csv: string
  csvEn: string
  asOf: (when: string) => string
  monthly: string
  byOffering: string
  detail: string
  none: string
  /** A month as the tables show it: "2026年11月" / "Nov 2026". */
  month: (month: string) => string
  columns: {
    month: string; offering: string; liveOrders: string; giftOrders: string; earned: string; credited: string; lapsing: string; carried: string
    care: string; lapseMonths: string; closing: string; peak: string
  }
  lapseMonths: (months: number[]) => string
  total: string
  noGifts: string
}

const englishMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

const zh: GiftLiabilityText = {
  title: '赠送负债',
  back: '← 套餐目录',
  intro: '按套餐和月份（上海时间）统计在网订单赠送给客户、结转到以后月份使用的额度。按公司的财务风险规则，这类赠送是负债，须如实记录。',
  estimate: '金额为估算：按客户在报价中申报的每月用量计算，没有计费数据，实际用量和实际使用的赠送会不同。',
  rules: [
    '当月赚得的赠送（如“打本地送长途”的长途额度）次月到账，在套餐规定的月数内可用（未另行规定的为 1 个月），到期未用作废。',
    '预付赠送的话费额度下单时给出，仅限开通首月使用：从下单月份起计为负债，首月末作废。',
    '月末结转负债 = 月末已赚得、尚未作废的赠送；已取消的订单不计；尚未开通的订单从预约安装日所在月份起计，已开通的从开通月份起计，合同期满按原条件续约计算。',
    '承诺套餐（如商务常青）的关怀预算是当月的客户关怀额度，不结转到以后月份，因此不计入负债，单独列出供参考。',
  ],
  range: { legend: '统计范围', from: '起始月份', months: '月数（1–36）', show: '查看', invalid: '统计范围无效：起始月份须为 YYYY-MM，月数为 1 到 36；已显示本月起 12 个月。' },
  csv: '导出 CSV',
  csvEn: '英文 CSV',
  asOf: (when) => `按 ${when} 的订单计算。`,
  monthly: '按月合计（全部套餐）',
  byOffering: '按套餐合计（统计范围内）',
  detail: '各套餐按月明细',
  none: '统计范围内没有在网订单。',
  month: (month) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`,
  columns: {
    month: '月份',
    offering: '套餐',
    liveOrders: '在网订单',
    giftOrders: '有赠送的订单',
    earned: '当月赚得赠送',
    credited: '当月可用赠送',
    lapsing: '月末作废（如未使用）',
    carried: '月末结转负债',
    care: '关怀预算（不计负债）',
    lapseMonths: '赠送可用',
    closing: '期末负债',
    peak: '最高月末负债',
  },
  lapseMonths: (months) => (months.length === 0 ? '—' : `${months.join('、')} 个月`),
  total: '合计',
  noGifts: '无赠送、无关怀预算',
}

const en: GiftLiabilityText = {
  title: 'Gift liability',
  back: '← Catalog',
  intro: 'Gifts and credits that live orders earn and carry into later months, per offering and month (Shanghai time). Under the financial risk rule such gifts are a liability and must be recorded as one.',
  estimate: 'The amounts are estimates, from the monthly usage customers declared in their quotes: there is no billing data, so real usage and the gifts really used will differ.',
  rules: [
    'A gift earned in a month (such as local-ld-gift’s long-distance credit) is credited the next month and usable for the months its offering sets (one unless set otherwise); unused, it lapses.',
    'A prepay bonus credit is given when the order is placed and usable in the first month of service only: a liability from the month of the order until that first month ends, when it lapses.',
    'Liability carried at month end = gifts earned and not yet lapsed at that month’s end. Cancelled orders count for nothing; an order not yet active counts from the month of its booked installation, an active one from the month it was activated; a contract is taken to renew on its terms.',
    'A commitment plan’s care budget (Business Evergreen, say) is a customer-care allowance for its own month; it does not carry over, so it is not a liability and is shown beside for reference.',
  ],
  range: { legend: 'Range', from: 'First month', months: 'Months (1–36)', show: 'Show', invalid: 'That range is not valid: the first month is YYYY-MM and the months 1 to 36; showing this month and the next 11.' },
  csv: 'Export CSV',
  csvEn: 'CSV in English',
  asOf: (when) => `Orders as they stood at ${when}.`,
  monthly: 'Per month (all offerings)',
  byOffering: 'Per offering (over the range)',
  detail: 'Each offering per month',
  none: 'No live orders in this range.',
  month: (month) => englishMonth.format(new Date(`${month}-01T00:00:00Z`)),
  columns: {
    month: 'Month',
    offering: 'Offering',
    liveOrders: 'Live orders',
    giftOrders: 'Orders earning gifts',
    earned: 'Gifts earned',
    credited: 'Gifts usable this month',
    lapsing: 'Lapsing at month end if unused',
    carried: 'Liability carried at month end',
    care: 'Care budget (not a liability)',
    lapseMonths: 'Gift usable for',
    closing: 'Liability at range end',
    peak: 'Highest month-end liability',
  },
  lapseMonths: (months) => (months.length === 0 ? '—' : `${months.join(' or ')} month${months.length === 1 && months[0] === 1 ? '' : 's'}`),
  total: 'Total',
  noGifts: 'no gifts, no care budget',
}

export const consoleGiftLiabilityText: Record<Lang, GiftLiabilityText> = { zh, en }
