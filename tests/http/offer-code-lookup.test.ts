import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_OFFER_CODE } from '../../db/seed/seed'
import { issueOfferCode } from '../../server/repositories/offer-codes-repository'
import { lookUpOfferCode } from '../../server/services/offer-code-service'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('the offer page’s code look-up on %s', (kind) => {
  const seeded = useSeededApi(kind, { limits: { offerCodes: { points: 3, seconds: 3600 }, offerCodesPerCode: { points: 100, seconds: 3600 } } })
  const services = () => seeded.api.services
  beforeAll(async () => {
    const code = { offering_slug: 'evergreen-winback', company_name: '测试公司', building_id: null, issued_by: null }
    await issueOfferCode(seeded.database.db, { ...code, code: 'WB-USED', expires_at: '2099-01-01T00:00:00.000Z', used_at: '2026-11-01T00:00:00.000Z' })
    await issueOfferCode(seeded.database.db, { ...code, code: 'WB-EXPIRED', expires_at: '2026-11-21T00:00:00.000Z' })
  })

  it('finds a code as customers type it (lower case, full-width, spaces), for its offering only', async () => {
    const found = await lookUpOfferCode(services(), ' ｗｂ-test-0001 ', '198.51.100.1')
    expect(found).toMatchObject({ state: 'usable', code: TEST_OFFER_CODE, offerCode: { offering_slug: 'evergreen-winback' } })
    expect(await lookUpOfferCode(services(), TEST_OFFER_CODE, '198.51.100.1', 'evergreen-winback')).toMatchObject({ state: 'usable' })
    expect(await lookUpOfferCode(services(), TEST_OFFER_CODE, '198.51.100.1', 'evergreen')).toEqual({ state: 'unknown' })
  })

  it('says whether a refused code is unknown, used or expired', async () => {
    expect(await lookUpOfferCode(services(), 'WB-NOPE', '198.51.100.2')).toEqual({ state: 'unknown' })
    expect(await lookUpOfferCode(services(), 'wb-used', '198.51.100.2')).toEqual({ state: 'used' })
    expect(await lookUpOfferCode(services(), 'WB-EXPIRED', '198.51.100.2')).toEqual({ state: 'expired' })
  })

  it('stops a client after its refused guesses (the right code is refused too, until the limit resets); right codes cost nothing', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await lookUpOfferCode(services(), TEST_OFFER_CODE, '198.51.100.3')).state).toBe('usable')
    for (const guess of ['WB-A', 'WB-B', 'WB-C']) expect((await lookUpOfferCode(services(), guess, '198.51.100.3')).state).toBe('unknown')
    const locked = await lookUpOfferCode(services(), TEST_OFFER_CODE, '198.51.100.3')
    expect(locked).toMatchObject({ state: 'rate_limited', retryAfterSeconds: expect.any(Number) })
    // Another client is not affected.
    expect((await lookUpOfferCode(services(), TEST_OFFER_CODE, '198.51.100.4')).state).toBe('usable')
  })
})
