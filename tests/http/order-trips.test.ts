import { describe, expect, it } from 'vitest'
import { useLoggedSeededDatabase } from '../support/logged-database'
import { createQuote, orderBody, postOrder, verifyEmail } from '../support/orders'
import { createTestApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/** A statement's first four words: what it does, and to what. */
const gist = (statement: string) => statement.trim().split(/\s+/).slice(0, 4).join(' ')

describe.each(databaseKinds)('the statements of an order on %s', (kind) => {
  const { database, db, statements } = useLoggedSeededDatabase(kind)

  it('reads what the order is checked against before its transaction: one trip on PostgreSQL', async () => {
    const api = createTestApi({ ...database(), db: db() })
    const quote = await createQuote(api)
    const verification = await verifyEmail(api, 'li.lei@example.com')
    // The checkout's confirm step: the order then only checks the proven code again.
    expect((await api.postJson(`/api/verifications/${verification.id}/confirm`, { code: verification.code })).status).toBe(200)
    statements.length = 0
    const response = await postOrder(api, { ...orderBody(quote.id), verification })
    expect(response.status).toBe(201)
    const begin = statements.findIndex((statement) => /^begin/i.test(statement))
    const reads = statements.slice(0, begin).map(gist)
    if (kind === 'postgres') {
      expect(reads).toEqual(["select (select coalesce(json_agg(r), '[]'::json)"])
      // The rest: the ports, then the order with its items, work, audit, mails, answer and proof used up.
      expect(statements.slice(begin).map(gist)).toEqual(['begin', 'update "buildings" set "free_fibre_ports"', 'with "write_0" as (insert', 'commit'])
    } else {
      expect(reads).toEqual([
        'select * from "email_verifications"',
        'select "quotes"."quote_json", "quotes"."attribution_json", "quotes"."offer_code",',
        'select "buildings".*, "manager"."id" as',
        'select count(*) as "booked"',
        'select * from "leads"',
      ])
    }
  })
})
