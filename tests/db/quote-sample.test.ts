import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUOTE_SAMPLE_LIMIT, sampleQuoteRequests } from '../../server/repositories/quote-sample-repository'
import { createSeededDatabase, databaseKinds, SEED_TIME, type TestDatabase } from '../support/test-database'

const NOW = new Date('2026-12-20T08:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000
const SINCE = new Date(NOW.getTime() - 30 * DAY)
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString()
const request = (x: number) => ({ offering: 'evergreen', termMonths: 12, options: { plan: 'B' }, items: {}, customer: { status: 'new', priorMonthlySpend: [x, x, x] }, usage: {} })

describe.each(databaseKinds)("sampling the last 30 days' quote requests on %s", (kind) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await createSeededDatabase(kind)
    const { db } = database
    const { id: version } = await db.selectFrom('catalog_versions').select('id').limit(1).executeTakeFirstOrThrow()
    const quote = (id: string, createdAt: string, requestJson: string) => ({
      id,
      catalog_version: version,
      offering_slug: 'evergreen',
      building_id: null,
      offer_code: null,
      term_months: 12,
      estimated_monthly_fen: 0,
      one_time_total_fen: 0,
      first_year_total_fen: 0,
      request_json: requestJson,
      quote_json: '{"a":"priced quote the sample never reads"}',
      attribution_json: null,
      created_at: createdAt,
      expires_at: createdAt,
    })
    await db
      .insertInto('quotes')
      .values([
        quote('q-too-old', new Date(SINCE.getTime() - 1).toISOString(), JSON.stringify(request(100_000))),
        quote('q-first-day', SINCE.toISOString(), JSON.stringify(request(100_001))),
        quote('q-middle', at(-10 * DAY), JSON.stringify(request(100_002))),
        quote('q-same-time-a', at(-DAY), JSON.stringify(request(100_003))),
        quote('q-same-time-b', at(-DAY), JSON.stringify(request(100_004))),
        quote('q-unreadable', at(-2 * DAY), JSON.stringify({ offering: 'evergreen', an: 'older shape' })),
        quote('q-now', at(0), JSON.stringify(request(100_006))),
        quote('q-after-now', at(1), JSON.stringify(request(100_005))),
      ])
      .execute()
    await db.insertInto('staff_users').values({ id: 'staff-sample', email: 'sample@example.com', display_name: 'Sample', password_hash: 'x', manager_id: null, created_at: SEED_TIME.toISOString(), updated_at: SEED_TIME.toISOString() }).execute()
    await db
      .insertInto('assisted_quotes')
      .values({
        quote_id: 'q-middle',
        building_id: (await db.selectFrom('buildings').select('id').limit(1).executeTakeFirstOrThrow()).id,
        staff_user_id: 'staff-sample',
        company_name: '上海示例科技有限公司',
        credit_code: '91310000MA1FL0000X',
        contact_name: '李雷',
        contact_email: 'li.lei@example.com',
        lang: 'zh',
        declared_x_fen: 100_002,
        negotiated_x_fen: 90_000,
        reason: 'bills checked',
        created_at: at(-10 * DAY),
      })
      .execute()
  })
  afterAll(async () => database.drop())

  it('returns the requests of the 30 days up to now, newest first (by id on a tie), with an assisted quote’s agreed X', async () => {
    const { quotes, unreadable } = await sampleQuoteRequests(database.db, { since: SINCE, until: NOW })
    expect(quotes.map((quote) => [quote.id, quote.createdAt, quote.negotiatedX])).toEqual([
      ['q-now', at(0), null],
      ['q-same-time-b', at(-DAY), null],
      ['q-same-time-a', at(-DAY), null],
      ['q-middle', at(-10 * DAY), 90_000],
      ['q-first-day', SINCE.toISOString(), null],
    ])
    expect(quotes[1]!.request).toEqual(request(100_004))
    expect(unreadable).toBe(1)
  })

  it('stops at the limit, keeping the newest', async () => {
    const { quotes } = await sampleQuoteRequests(database.db, { since: SINCE, until: NOW }, 2)
    expect(quotes.map((quote) => quote.id)).toEqual(['q-now', 'q-same-time-b'])
    expect(QUOTE_SAMPLE_LIMIT).toBe(10_000)
  })
})
