/**
 * Numbers as people type them into the configurator and the checkout. Chinese input methods often
 * give full-width characters (１２００, ，, ．) and people group digits ("1,200", "1 200"): NFKC turns
 * full-width forms into ASCII, spaces are dropped, and commas are accepted only where they group
 * thousands, so "1,2" is refused rather than read as 12.
 */

/** Why typed text is not the number asked for (each has its own sentence in the islands' texts). */
export type TypedNumberProblem = 'not_a_number' | 'too_many_decimals' | 'not_whole' | 'too_large'

export type TypedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; problem: TypedNumberProblem }

const FEN_PER_YUAN = 100
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/
const PLAIN = /^\d+(\.\d*)?$/

/** NFKC (full-width → ASCII) without any whitespace: also for digits that are not amounts, e.g. a mobile number. */
export function normaliseTyped(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

/** The digits of a non-negative decimal as typed, or why it is not one; '' is "not given". */
function readDecimal(text: string): { kind: 'empty' } | { kind: 'decimal'; whole: string; fraction: string } | { kind: 'invalid'; problem: TypedNumberProblem } {
  const normalised = normaliseTyped(text)
  if (normalised === '') return { kind: 'empty' }
  if (!PLAIN.test(normalised) && !GROUPED.test(normalised)) return { kind: 'invalid', problem: 'not_a_number' }
  const [whole, fraction = ''] = normalised.replace(/,/g, '').split('.')
  return { kind: 'decimal', whole, fraction }
}

/**
 * Yuan as typed → integer fen, at most `maxFen`. More than two decimals is refused: the smallest unit
 * of money is the fen.
 */
export function parseYuan(text: string, maxFen = Number.MAX_SAFE_INTEGER): TypedNumber {
  const decimal = readDecimal(text)
  if (decimal.kind !== 'decimal') return decimal
  if (decimal.fraction.length > 2) return { kind: 'invalid', problem: 'too_many_decimals' }
  return atMost(maxFen, Number(decimal.whole) * FEN_PER_YUAN + Number(decimal.fraction.padEnd(2, '0')))
}

/** A count as typed (lines, extensions): a whole number, at most `max`; "3.0" is three, "2.5" is refused. */
export function parseCount(text: string, max = Number.MAX_SAFE_INTEGER): TypedNumber {
  const decimal = readDecimal(text)
  if (decimal.kind !== 'decimal') return decimal
  if (/[1-9]/.test(decimal.fraction)) return { kind: 'invalid', problem: 'not_whole' }
  return atMost(max, Number(decimal.whole))
}

/**
 * More than what the number is for takes is refused as such, beside the field. Without a limit of
 * its own, a number is still an exact integer: twenty typed digits are not, and sums of them fail.
 */
function atMost(max: number, value: number): TypedNumber {
  return value <= max ? { kind: 'number', value } : { kind: 'invalid', problem: 'too_large' }
}
