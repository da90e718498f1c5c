import { describe, it, expect } from 'vitest'
import { expectQuoteToMatchVector, quoteVectors } from '../../tests/support/quote-vectors'
import { type QuoteRequestInput } from '../schemas/quote-request'
import { price } from './testing'

/**
 * The worked examples of tests/vectors/quotes.json priced by the engine alone, without HTTP or a
 * database (tests/http/quote-vectors.test.ts runs them through the API).
 */

// Whether an offering exists for a request, and whether its offer code is valid, depends on the offer
// codes in the database: the quote service decides those errors before the engine is given an offering.
const databaseErrors = ['offering_not_found', 'offer_code_invalid']
const engineVectors = quoteVectors.filter((vector) => !databaseErrors.includes(vector.expect.error ?? ''))

describe('quote vectors, priced by the engine', () => {
  it.each(engineVectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const result = price(vector.request as QuoteRequestInput)
    if (vector.expect.error) {
      expect(result.ok ? 'a quote' : result.error.code).toBe(vector.expect.error)
      return
    }
    expect(result.ok ? 'a quote' : result.error).toBe('a quote')
    if (result.ok) expectQuoteToMatchVector(result.quote, vector.expect.quote!, vector.expect.lineRules!)
  })
})
