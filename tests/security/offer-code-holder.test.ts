import { describe, expect, it } from 'vitest'
import { TEST_OFFER_CODE } from '../../db/seed/seed'
import { creditCodeCheckCharacter } from '../../server/domain/credit-code'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'
import { createQuote, orderBody, postOrder, VALID_CREDIT_CODE, verifyEmail } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/** The building the seed's win-back code was issued to (with the company of VALID_CREDIT_CODE). */
const ISSUED_BUILDING = 'bld-jinmao-tower'
const OTHER_COMPANY = `91310000MA1K00000${creditCodeCheckCharacter('91310000MA1K00000')}`
const ATTEMPTS_BEFORE_LOCKOUT = 3

const winBack: QuoteRequestInput = {
  offering: 'evergreen-winback',
  termMonths: 12,
  items: {},
  offerCode: TEST_OFFER_CODE,
  customer: { status: 'existing', priorMonthlySpend: [800000, 800000, 800000] },
}

describe.each(databaseKinds)('a win-back offer code is ordered only by the company and building it was issued to, on %s', (kind) => {
  const seeded = useSeededApi(kind, { limits: { offerCodes: { points: ATTEMPTS_BEFORE_LOCKOUT, seconds: 3600 } } })
  const db = () => seeded.database.db
  const codeUsed = async () => (await db().selectFrom('offer_codes').select('used_at').where('code', '=', TEST_OFFER_CODE).executeTakeFirstOrThrow()).used_at
  const orderFrom = async (from: string, quoteId: string, company = VALID_CREDIT_CODE, buildingId = ISSUED_BUILDING) => {
    const body = orderBody(quoteId, { company: { name: '另一家公司', creditCode: company }, site: { buildingId, floor: '8', unit: '801' } })
    return seeded.api.request(
      '/api/orders',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ ...body, verification: await verifyEmail(seeded.api, body.contact.email) }),
      },
      from,
    )
  }

  it('carries the credit code and building it was issued to', async () => {
    const row = await db().selectFrom('offer_codes').selectAll().where('code', '=', TEST_OFFER_CODE).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ credit_code: VALID_CREDIT_CODE, building_id: ISSUED_BUILDING })
  })

  it('quotes for anyone who has the code, but refuses an order by another company, or at another building, without consuming it', async () => {
    const quote = await createQuote(seeded.api, winBack)
    for (const [company, building] of [
      [OTHER_COMPANY, ISSUED_BUILDING],
      [VALID_CREDIT_CODE, 'bld-pudong-software-park'],
    ]) {
      const refused = await orderFrom('198.51.100.1', quote.id, company, building)
      expect(refused.status).toBe(422)
      const { error } = await refused.json()
      expect(error.code).toBe('offer_code_invalid')
      expect(error.message).toMatch(/issued to another company or building/)
      expect(await codeUsed()).toBeNull()
    }
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', quote.id).execute()).toEqual([])
  })

  it('locks a client out after repeated wrong attempts (429 with Retry-After), others and the holder still order', async () => {
    const quote = await createQuote(seeded.api, winBack)
    const guesser = '203.0.113.7'
    for (let attempt = 0; attempt < ATTEMPTS_BEFORE_LOCKOUT; attempt++) {
      expect((await orderFrom(guesser, quote.id, OTHER_COMPANY)).status).toBe(422)
    }
    const locked = await orderFrom(guesser, quote.id, OTHER_COMPANY)
    expect(locked.status).toBe(429)
    expect((await locked.json()).error.code).toBe('rate_limited')
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    // Locked out even with the right company: the lockout is of the client, not of a guess.
    expect((await orderFrom(guesser, quote.id)).status).toBe(429)
    expect(await codeUsed()).toBeNull()

    const holder = await orderFrom('198.51.100.200', quote.id)
    expect(holder.status).toBe(201)
    expect(await codeUsed()).not.toBeNull()
  })
})
