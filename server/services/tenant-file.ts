import { parse } from 'csv-parse'
import type ExcelJS from 'exceljs'

/*
 * Reading an uploaded tenant list into rows of texts: CSV in UTF-8 (with or without a BOM), UTF-16
 * (with its BOM) or GBK/GB18030 as Chinese Excel saves it, or an XLSX workbook's first sheet. Row
 * numbers are the ones a spreadsheet shows (the header's row included), so a report can point at them.
 */

export type TenantFileFormat = 'csv' | 'xlsx'
export type TenantFileProblem = 'file_empty' | 'file_unsupported' | 'file_unreadable'

export class TenantFileError extends Error {
  constructor(readonly problem: TenantFileProblem) {
    super(problem)
  }
}

export interface SheetRow {
  /** The row number a spreadsheet program shows (1 = the first line of the file). */
  row: number
  cells: string[]
}

export interface TenantSheet {
  format: TenantFileFormat
  /** For CSV, how its bytes were decoded. */
  encoding: string | null
  rows: SheetRow[]
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0] // an old binary .xls
const UTF8_BOM = [0xef, 0xbb, 0xbf]

/**
 * The rows of a CSV or XLSX file, told apart by their bytes. A file named .xlsx that is not a workbook
 * (a text file renamed, a download cut short) cannot be read: read as CSV, its first line would be
 * taken for a header, and the import would blame a missing column.
 */
export async function readTenantFile(bytes: Uint8Array, fileName = ''): Promise<TenantSheet> {
  if (bytes.length === 0) throw new TenantFileError('file_empty')
  if (startsWith(bytes, OLE)) throw new TenantFileError('file_unsupported')
  const workbook = startsWith(bytes, ZIP)
  if (!workbook && /\.xlsx$/i.test(fileName.trim())) throw new TenantFileError('file_unreadable')
  const sheet = workbook ? await readWorkbook(bytes) : await readCsv(bytes)
  if (sheet.rows.length === 0) throw new TenantFileError('file_empty')
  return sheet
}

/** The text of CSV bytes: a BOM says the encoding; else UTF-8 if the bytes are valid UTF-8, else GB18030 (GBK's superset). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' }
  }
}

/** The delimiter of the first line: comma unless tabs or semicolons are more frequent (some exports use them). */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/))
  const count = (character: string) => first.split(character).length - 1
  return ['\t', ';'].find((candidate) => count(candidate) > count(',')) ?? ','
}

async function readCsv(bytes: Uint8Array): Promise<TenantSheet> {
  const { text, encoding } = decodeCsv(bytes)
  const parser = parse({ delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false })
  const rows: SheetRow[] = []
  const reading = (async () => {
    for await (const record of parser as AsyncIterable<string[]>) rows.push({ row: rows.length + 1, cells: record })
  })()
  // Fed in slices: a large file is parsed a little at a time, leaving the server free between slices.
  const SLICE = 256 * 1024
  try {
    for (let start = 0; start < text.length; start += SLICE) {
      if (!parser.write(text.slice(start, start + SLICE))) await new Promise((resolve) => parser.once('drain', resolve))
    }
    parser.end()
    await reading
  } catch {
    parser.destroy()
    throw new TenantFileError('file_unreadable')
  }
  return { format: 'csv', encoding, rows }
}

/**
 * The first sheet with data. A merged cell's value belongs to every row it spans in its first column
 * (a floor written once for several tenants); the other columns of a merge stay empty, so a name
 * merged across two columns does not also become the next column's value.
 */
async function readWorkbook(bytes: Uint8Array): Promise<TenantSheet> {
  // Loaded on the first spreadsheet: importing it takes about 0.37 s (measured), which every start paid.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  } catch {
    throw new TenantFileError('file_unreadable')
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0)
  if (!sheet) throw new TenantFileError('file_empty')
  const rows: SheetRow[] = []
  const columns = sheet.columnCount
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = []
    for (let column = 1; column <= columns; column++) {
      const cell = row.getCell(column)
      const source = cell.isMerged ? cell.master : cell
      cells.push(source.fullAddress.col === column ? cellText(source) : '')
    }
    rows.push({ row: number, cells })
  })
  return { format: 'xlsx', encoding: null, rows }
}

/** What the cell shows: a formula's result, a link's text, rich text as plain text, a number in full. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  try {
    return cell.text ?? ''
  } catch {
    return ''
  }
}
