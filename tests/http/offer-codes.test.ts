import { beforeAll, describe, expect, it } from 'vitest'
import { issueOfferCode } from '../../server/repositories/offer-codes-repository'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const winBack = (offerCode?: string) => ({
  offering: 'evergreen-winback',
  termMonths: 12,
  items: {},
  ...(offerCode ? { offerCode } : {}),
  customer: { status: 'existing', priorMonthlySpend: [800000, 800000, 800000] },
  usage: { local_voice: 800000 },
})

describe.each(databaseKinds)('win-back offer codes on %s', (kind) => {
  const seeded = useSeededApi(kind)
  beforeAll(async () => {
    const code = { offering_slug: 'evergreen-winback', company_name: '测试公司', building_id: null, issued_by: null }
    await issueOfferCode(seeded.database.db, { ...code, code: 'WB-USED', expires_at: '2099-01-01T00:00:00.000Z', used_at: '2026-11-01T00:00:00.000Z' })
    await issueOfferCode(seeded.database.db, { ...code, code: 'WB-EXPIRED', expires_at: '2026-11-21T00:00:00.000Z' })
    await issueOfferCode(seeded.database.db, { ...code, code: 'OTHER-OFFER', offering_slug: 'evergreen', expires_at: '2099-01-01T00:00:00.000Z' })
  })

  it('is invisible without a code: not listed, no detail page, 404 on quote', async () => {
    const list = await (await seeded.api.request('/api/offerings')).json()
    expect(list.offerings.map((offering: { slug: string }) => offering.slug)).not.toContain('evergreen-winback')
    expect((await seeded.api.request('/api/offerings/evergreen-winback')).status).toBe(404)
    const response = await seeded.api.postJson('/api/quotes', winBack())
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('offering_not_found')
  })

  it.each(['WB-WRONG', 'WB-USED', 'WB-EXPIRED', 'OTHER-OFFER'])('refuses code %s with 422 offer_code_invalid', async (code) => {
    const response = await seeded.api.postJson('/api/quotes', winBack(code))
    expect(response.status).toBe(422)
    expect((await response.json()).error.code).toBe('offer_code_invalid')
  })

  it('quotes with a valid code without consuming it', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await seeded.api.postJson('/api/quotes', winBack('WB-TEST-0001'))
      expect(response.status).toBe(201)
    }
    const row = await seeded.database.db.selectFrom('offer_codes').selectAll().where('code', '=', 'WB-TEST-0001').executeTakeFirstOrThrow()
    expect(row.used_at).toBeNull()
  })

  it('refuses a code once its expiry has passed', async () => {
    seeded.api.setNow(new Date('2100-01-01T00:00:00.000Z'))
    const response = await seeded.api.postJson('/api/quotes', winBack('WB-TEST-0001'))
    expect((await response.json()).error.code).toBe('offer_code_invalid')
  })
})
