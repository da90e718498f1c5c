import { shanghaiDate } from '../../domain/working-days'

/**
 * Calendar months as Shanghai reads them, written YYYY-MM. A report month is a Shanghai month: an
 * order activated on 31 Jan at 23:30 Shanghai (15:30 UTC) starts in January, not February.
 */
export type Month = string

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export const isMonth = (value: string): boolean => MONTH.test(value)

/** The Shanghai month `at` falls in. */
export const shanghaiMonth = (at: Date): Month => shanghaiDate(at).slice(0, 7)

/** Months as consecutive integers (year × 12 + month − 1), so "the month before" is plain subtraction. */
export function monthIndex(month: Month): number {
  const match = MONTH.exec(month)
  if (!match) throw new RangeError(`not a month (YYYY-MM): ${month}`)
  return Number(match[1]) * 12 + Number(match[2]) - 1
}

export function monthOfIndex(index: number): Month {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

export const addMonths = (month: Month, count: number): Month => monthOfIndex(monthIndex(month) + count)

/** `count` consecutive months from `from`. */
export const monthsFrom = (from: Month, count: number): Month[] => Array.from({ length: count }, (_, index) => addMonths(from, index))

/** The instant a Shanghai month ends (00:00 Shanghai on the 1st of the next month), as an ISO string in UTC. */
export const shanghaiMonthEnd = (month: Month): string => new Date(`${addMonths(month, 1)}-01T00:00:00+08:00`).toISOString()
