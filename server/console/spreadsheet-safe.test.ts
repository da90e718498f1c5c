import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { spreadsheetCsv, spreadsheetSafe } from './spreadsheet-safe'

describe('CSV cells a spreadsheet opens', () => {
  it.each(['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('keeps %j as text with a leading apostrophe', (value) => {
    expect(spreadsheetSafe(value)).toBe(`'${value}`)
  })

  it.each(['上海某某科技有限公司', 'SO261201-AQXD66', '1=1', '', '-12.50', '-3.5%'])('leaves %j as it is', (value) => {
    expect(spreadsheetSafe(value)).toBe(value)
  })

  it('makes every text cell of an export safe, and leaves numbers alone', () => {
    expect(stringify([['=cmd', -5, 'ok']], spreadsheetCsv)).toBe("\ufeff'=cmd,-5,ok\n")
  })
})
