import type { Options } from 'csv-stringify'

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/
/** An amount written as text (`-12.50`, `-3.5%`) is a number to the spreadsheet, not a formula: left as it is. */
const PLAIN_NUMBER = /^-\d+(\.\d+)?%?$/

/**
 * Text typed by customers or staff (a company name, a campaign name) opens in Excel or WPS as a formula
 * when it starts like one: `=HYPERLINK(…)` becomes a live link, worse can run. Such a cell gets a
 * leading apostrophe, which the spreadsheet shows as text.
 */
export const spreadsheetSafe = (value: string): string => (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value)

/** csv-stringify's options for every export staff open in a spreadsheet: every text cell made safe. */
export const spreadsheetCsv = { bom: true, cast: { string: spreadsheetSafe } } satisfies Options
