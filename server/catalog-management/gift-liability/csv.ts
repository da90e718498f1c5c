import { stringify } from 'csv-stringify/sync'
import { spreadsheetCsv } from '../../console/spreadsheet-safe'
import { yuan } from '../../console/campaign-desk'
import type { MonthFigures, RangeFigures } from './compute'
import type { GiftLiabilityReport } from './report'

type Lang = 'zh' | 'en'

const headers: Record<Lang, string[]> = {
  zh: ['分组', '套餐', '月份（上海）', '在网订单', '有赠送的订单', '当月赠送（元）', '当月可用的赠送（元）', '月末作废（如未使用，元）', '月末结转负债（元）', '关怀预算（当月有效，不计负债，元）', '赠送可用月数'],
  en: ['Breakdown', 'Offering', 'Month (Shanghai)', 'Live orders', 'Orders earning gifts', 'Gifts earned (CNY)', 'Gifts usable this month (CNY)', 'Lapsing at month end if unused (CNY)', 'Liability carried at month end (CNY)', 'Care budget, this month only, not a liability (CNY)', 'Gift usable for (months)'],
}

const words: Record<Lang, { month: string; offering: string; range: string; all: string; note: string; estimate: string }> = {
  zh: {
    month: '按月合计',
    offering: '套餐按月',
    range: '区间合计',
    all: '全部套餐',
    note: '说明',
    estimate: '金额按客户在报价中申报的用量估算，没有计费数据；已取消的订单不计。区间合计行的“月末结转负债”为区间最后一个月末的负债。',
  },
  en: {
    month: 'Month total',
    offering: 'Offering by month',
    range: 'Range total',
    all: 'All offerings',
    note: 'Note',
    estimate: 'Amounts are estimated from the usage customers declared in their quotes; there is no billing data. Cancelled orders count for nothing. On range total lines the liability is the one carried at the end of the range’s last month.',
  },
}

const monthCells = (figures: MonthFigures) => [
  String(figures.liveOrders),
  String(figures.giftOrders),
  yuan(figures.earnedFen),
  yuan(figures.creditedFen),
  yuan(figures.lapsingFen),
  yuan(figures.carriedFen),
  yuan(figures.careBudgetFen),
]

const rangeCells = (figures: RangeFigures) => [
  String(figures.liveOrders),
  String(figures.giftOrders),
  yuan(figures.earnedFen),
  yuan(figures.creditedFen),
  yuan(figures.lapsingFen),
  yuan(figures.closingFen),
  yuan(figures.careBudgetFen),
]

/**
 * The report as CSV (UTF-8 with BOM, as Excel in China opens it; text that looks like a formula kept
 * as text), headers and names in `lang`: the months of all offerings, then each offering's months and
 * its range total, then the grand total and a note that the amounts are estimates.
 */
export function giftLiabilityCsv(report: GiftLiabilityReport, lang: Lang): string {
  const w = words[lang]
  const name = (slug: string) => report.offeringNames[slug]?.[lang] ?? slug
  const range = `${report.from}–${report.to}`
  const rows = [
    ...report.totals.months.map((figures) => [w.month, w.all, figures.month, ...monthCells(figures), '']),
    ...report.offerings.flatMap((offering) => {
      const lapse = offering.lapseMonths.join('/')
      return [
        ...offering.months.map((figures) => [w.offering, name(offering.offering), figures.month, ...monthCells(figures), lapse]),
        [w.range, name(offering.offering), range, ...rangeCells(offering.total), lapse],
      ]
    }),
    [w.range, w.all, range, ...rangeCells(report.totals.total), ''],
    // As wide as the others, so a strict reader takes every line as a record.
    [w.note, w.estimate, ...Array<string>(headers[lang].length - 2).fill('')],
  ]
  return stringify([headers[lang], ...rows], spreadsheetCsv)
}

/** The file name: the range's months. */
export const giftLiabilityCsvName = (report: Pick<GiftLiabilityReport, 'from' | 'to'>) => `gift-liability-${report.from}-${report.to}.csv`
