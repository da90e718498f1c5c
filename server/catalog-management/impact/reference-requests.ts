import { quoteRequestSchema } from '../../schemas/quote-request'
import type { ImpactRequest } from './price-impact'
import requests from './reference-requests.json'

/**
 * The public vectors' requests (tests/vectors/quotes.json, without their expectations): a server
 * never reads tests/, so a copy lives here and reference-requests.test.ts holds it equal to them.
 */
export const referenceRequests: readonly ImpactRequest[] = (requests as unknown[]).map((request, index) => ({
  ref: { source: 'vector', index },
  request: quoteRequestSchema.parse(request),
}))
