import type { Catalog } from '../../server/pricing/catalog'
import { quoteRequestSchema, type QuoteRequest, type QuoteRequestInput } from '../../server/schemas/quote-request'
import vectors from '../vectors/quotes.json'

interface QuoteVector {
  name: string
  request: unknown
  expect: { status: number }
}

const successfulVectors = (vectors as QuoteVector[]).filter((vector) => vector.expect.status === 201)

/**
 * One realistic request per listed offering of the catalog: the first successful vector of
 * tests/vectors/quotes.json for it, parsed as the API would parse it. Unlisted offerings
 * (evergreen-winback) are left out, as a browsing customer never quotes them.
 */
export function listedOfferingRequests(catalog: Catalog): QuoteRequest[] {
  return [...catalog.offerings.values()]
    .filter((offering) => offering.listed)
    .map((offering) => quoteRequestSchema.parse(firstSuccessfulRequest(offering.slug)))
}

/** The body `POST /api/quotes` is loaded with: the seed example of the evergreen offering. */
export function evergreenRequestBody(): string {
  return JSON.stringify(firstSuccessfulRequest('evergreen'))
}

/**
 * `count` evergreen quote requests that differ from one another (each declares another monthly
 * spend, all within the plan's range): a configurator's visitors each trying their own numbers,
 * which no remembered quote answers.
 */
export function distinctEvergreenRequestBodies(count: number): string[] {
  const example = firstSuccessfulRequest('evergreen')
  return Array.from({ length: count }, (_, index) => {
    const spend = 600_000 + index * 100
    return JSON.stringify({ ...example, customer: { ...example.customer, priorMonthlySpend: [spend, spend, spend], currentMonthlySpend: spend + 300_000 } })
  })
}

function firstSuccessfulRequest(slug: string): QuoteRequestInput {
  const vector = successfulVectors.find((candidate) => (candidate.request as QuoteRequestInput).offering === slug)
  if (!vector) throw new Error(`tests/vectors/quotes.json has no successful (201) case for the offering ${slug}`)
  return vector.request as QuoteRequestInput
}
