export interface Column {
  header: string
  align?: 'left' | 'right'
}

/** A plain-text table: one header line, then one line per row, columns padded to fit. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((column, index) => Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)))
  const line = (cells: string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? ''
        return column.align === 'right' ? cell.padStart(widths[index]) : cell.padEnd(widths[index])
      })
      .join('   ')
      .trimEnd()
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join('\n')
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatCount(value: number): string {
  return integer.format(value)
}

export function formatFixed(value: number, digits: number): string {
  return value.toFixed(digits)
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** autocannon's latencies are whole milliseconds: 0 means under one. */
export function formatMilliseconds(ms: number): string {
  return ms < 1 ? '<1 ms' : `${integer.format(ms)} ms`
}
