import { expect } from 'vitest'
import vectors from '../vectors/quotes.json'

export interface QuoteVector {
  name: string
  request: Record<string, unknown>
  expect: { status: number; error?: string; quote?: Record<string, any> }
}

export const quoteVectors = vectors as QuoteVector[]

/** Every field the vector gives must match; `earlyTermination` lists some of the entries. */
export function expectQuoteToMatchVector(quote: Record<string, any>, expected: Record<string, any>): void {
  const { earlyTermination, gifts, ...exact } = expected
  expect(quote).toMatchObject(exact)
  expect(quote.gifts.map(({ kind, amount }: { kind: string; amount: number }) => ({ kind, amount }))).toEqual(gifts)
  if (earlyTermination.length === 0) expect(quote.earlyTermination).toEqual([])
  for (const entry of earlyTermination) expect(quote.earlyTermination).toContainEqual(entry)
}
