import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { giftLiability } from './compute'
import { giftLiabilityCsv } from './csv'
import { monthsFrom } from './months'
import type { GiftLiabilityReport } from './report'

// An offering named like a formula (a draft's name is typed by marketing): a spreadsheet must show it as text.
const months = monthsFrom('2026-11', 2)
const report: GiftLiabilityReport = {
  ...giftLiability([{ offering: 'odd', placedMonth: '2026-11', startMonth: '2026-11', giftsPerMonth: 7500, firstMonthCredit: 0, careCreditPerMonth: 0, lapseMonths: 1 }], months),
  from: '2026-11',
  to: '2026-12',
  asOf: '2026-11-22T03:00:00.000Z',
  offeringNames: { odd: { zh: '=HYPERLINK("http://x")', en: '+1 gift' } },
}

const rowsOf = (csv: string) => parse(csv.replace(/^\uFEFF/, '')) as string[][]

describe('gift liability CSV', () => {
  it.each(['zh', 'en'] as const)('%s: starts with a BOM and keeps formula-looking names as text', (lang) => {
    const csv = giftLiabilityCsv(report, lang)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const names = rowsOf(csv).slice(1).map((row) => row[1])
    expect(names).toContain(lang === 'zh' ? `'=HYPERLINK("http://x")` : `'+1 gift`)
    expect(names.every((name) => !/^[=+\-@]/.test(name))).toBe(true)
  })

  it('lists every month of all offerings, each offering’s months and range total, the grand total and the note', () => {
    const rows = rowsOf(giftLiabilityCsv(report, 'en'))
    expect(rows.map((row) => row[0])).toEqual(['Breakdown', 'Month total', 'Month total', 'Offering by month', 'Offering by month', 'Range total', 'Range total', 'Note'])
    expect(rows[4]).toEqual(['Offering by month', "'+1 gift", '2026-12', '1', '1', '75.00', '75.00', '75.00', '75.00', '0.00', '1'])
    expect(rows[5]).toEqual(['Range total', "'+1 gift", '2026-11–2026-12', '1', '1', '150.00', '75.00', '75.00', '75.00', '0.00', '1'])
  })
})
