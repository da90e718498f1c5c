import { describe, expect, it } from 'vitest'
import { quoteVectors } from '../../../tests/support/quote-vectors'
import { quoteRequestSchema } from '../../schemas/quote-request'
import requests from './reference-requests.json'
import { referenceRequests } from './reference-requests'

describe('the reference requests of the impact preview', () => {
  it("are the public vectors' requests, in their order (the server may not read tests/)", () => {
    expect(requests).toEqual(quoteVectors.map((vector) => vector.request))
  })

  it('read as quote requests, each named by its vector', () => {
    expect(referenceRequests.map((item) => item.ref)).toEqual(quoteVectors.map((_vector, index) => ({ source: 'vector', index })))
    expect(referenceRequests.map((item) => item.request)).toEqual(quoteVectors.map((vector) => quoteRequestSchema.parse(vector.request)))
  })
})
