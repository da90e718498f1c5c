import { expect } from 'vitest'
import vectors from '../vectors/quotes.json'

export interface QuoteVector {
  name: string
  request: Record<string, unknown>
  expect: { status: number; error?: string; quote?: Record<string, any>; lineRules?: LineRules }
}

/** The rule code of every line, by line code: one-time lines and month 1's lines. */
export interface LineRules {
  oneTime: Record<string, string>
  monthly: Record<string, string>
}

export const quoteVectors = vectors as QuoteVector[]

/** Every field the vector gives must match; `earlyTermination` lists some of the entries. */
export function expectQuoteToMatchVector(quote: Record<string, any>, expected: Record<string, any>, lineRules: LineRules): void {
  const rulesOf = (lines: { code: string; rule: string }[]) => Object.fromEntries(lines.map((line) => [line.code, line.rule]))
  expect({ oneTime: rulesOf(quote.oneTime.lines), monthly: rulesOf(quote.monthly.lines) }).toEqual(lineRules)
  const { earlyTermination, gifts, ...exact } = expected
  expect(quote).toMatchObject(exact)
  expect(quote.gifts.map(({ kind, amount }: { kind: string; amount: number }) => ({ kind, amount }))).toEqual(gifts)
  if (earlyTermination.length === 0) expect(quote.earlyTermination).toEqual([])
  for (const entry of earlyTermination) expect(quote.earlyTermination).toContainEqual(entry)
}
