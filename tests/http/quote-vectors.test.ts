import { describe, expect, it } from 'vitest'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'
import { expectQuoteToMatchVector, quoteVectors } from '../support/quote-vectors'

describe.each(databaseKinds)('POST /api/quotes vectors on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it.each(quoteVectors.map((vector) => [vector.name, vector] as const))('%s', async (_name, vector) => {
    const response = await seeded.api.postJson('/api/quotes', vector.request)
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(vector.expect.status)
    if (vector.expect.error) {
      expect(body.error.code).toBe(vector.expect.error)
      return
    }
    expectQuoteToMatchVector(body, vector.expect.quote!, vector.expect.lineRules!)
    const stored = await seeded.api.request(`/api/quotes/${body.id}`)
    expect(stored.status).toBe(200)
    expect(await stored.json()).toEqual(body)
  })
})
