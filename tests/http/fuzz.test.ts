import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'
import { quoteVectors } from '../support/quote-vectors'

/** A valid request with one part replaced by something arbitrary. */
const mutatedRequest = fc
  .tuple(fc.constantFrom(...quoteVectors.map((vector) => vector.request)), fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 3 }), fc.jsonValue())
  .map(([request, path, value]) => {
    const copy: any = structuredClone(request)
    let target = copy
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {}
      target = target[key]
    }
    target[path.at(-1)!] = value
    return copy
  })

const knownKeyMutation = fc
  .tuple(
    fc.constantFrom(...quoteVectors.map((vector) => vector.request)),
    fc.constantFrom('offering', 'termMonths', 'options', 'items', 'customer', 'usage', 'buildingId', 'offerCode', 'attribution'),
    fc.oneof(fc.jsonValue(), fc.integer(), fc.double(), fc.string(), fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.integer(), fc.double(), fc.string()))),
  )
  .map(([request, key, value]) => ({ ...request, [key]: value }))

describe.each(databaseKinds)('POST /api/quotes never fails with a 500 on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('for arbitrary JSON bodies and mutations of valid requests', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), mutatedRequest, knownKeyMutation), async (body) => {
        const response = await seeded.api.postJson('/api/quotes', body)
        expect(response.status).toBeLessThan(500)
        const answer = await response.json()
        if (response.status >= 400) expect(answer.error.code).toEqual(expect.any(String))
      }),
      { numRuns: 300 },
    )
    expect(seeded.api.errors).toEqual([])
  })

  it('for arbitrary serviceability queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 60 }), async (id, items) => {
        const response = await seeded.api.request(`/api/buildings/${encodeURIComponent(id || 'x')}/serviceability?items=${encodeURIComponent(items)}`)
        expect(response.status).toBeLessThan(500)
      }),
      { numRuns: 200 },
    )
    expect(seeded.api.errors).toEqual([])
  })
})
