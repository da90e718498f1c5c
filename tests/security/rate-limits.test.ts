import { describe, expect, it } from 'vitest'
import { countLandingView, landingViews, MAX_TERMS_PER_CAMPAIGN_DAY, OTHER_CAMPAIGN } from '../../server/repositories/landing-views-repository'
import { TEST_OFFER_CODE } from '../../db/seed/seed'
import { createQuote, orderBody, postOrder, VALID_CREDIT_CODE } from '../support/orders'
import { createTestApi, useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const lead = (mobile: string) => ({ company: '上海示例科技有限公司', contact: { name: '李雷', mobile }, note: '下午方便' })
const quoteRequest = { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' } }
const hour = { seconds: 3600 }

async function expectRateLimited(response: Response) {
  expect(response.status).toBe(429)
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
  const body = await response.json()
  expect(body.error.code).toBe('rate_limited')
  expect(body.error.message).toMatch(/try again/)
}

describe.each(databaseKinds)('rate limits on %s', (kind) => {
  const seeded = useSeededApi(kind, {
    limits: {
      leads: { points: 3, ...hour },
      leadsPerMobile: { points: 2, ...hour },
      quotes: { points: 3, ...hour },
      previews: { points: 5, ...hour },
      offerCodes: { points: 2, ...hour },
      orders: { points: 50, ...hour },
      ordersPerCompany: { points: 2, ...hour },
      tracking: { points: 50, ...hour },
      trackingPerOrder: { points: 3, ...hour },
    },
  })
  const json = (path: string, body: unknown, from: string) =>
    seeded.api.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, from)

  it('limits callback requests per client address and per mobile number', async () => {
    expect((await json('/api/leads', lead('13800000001'), '198.51.100.1')).status).toBe(201)
    expect((await json('/api/leads', lead('13800000002'), '198.51.100.1')).status).toBe(201)
    expect((await json('/api/leads', lead('13800000003'), '198.51.100.1')).status).toBe(201)
    await expectRateLimited(await json('/api/leads', lead('13800000004'), '198.51.100.1'))
    // Another address is counted on its own, but the same mobile from anywhere is not.
    expect((await json('/api/leads', lead('13800000001'), '198.51.100.2')).status).toBe(201)
    await expectRateLimited(await json('/api/leads', lead('+86 138-0000-0001'), '198.51.100.3'))
  })

  it('limits stored quotes and (more generously) previews per client', async () => {
    for (let i = 0; i < 3; i++) expect((await json('/api/quotes', quoteRequest, '198.51.100.10')).status).toBe(201)
    await expectRateLimited(await json('/api/quotes', quoteRequest, '198.51.100.10'))
    for (let i = 0; i < 5; i++) expect((await json('/api/quotes/preview', quoteRequest, '198.51.100.10')).status).toBe(200)
    await expectRateLimited(await json('/api/quotes/preview', quoteRequest, '198.51.100.10'))
  })

  it('stops a client guessing offer codes, while a right code prices again and again', async () => {
    const winBack = { offering: 'evergreen-winback', termMonths: 12, options: { plan: 'A' }, customer: { status: 'existing', priorMonthlySpend: [800000, 800000, 800000] } }
    const guess = (code: string) => json('/api/quotes/preview', { ...winBack, offerCode: code }, '198.51.100.20')
    expect((await guess('WB-GUESS-0001')).status).toBe(422)
    expect((await guess('WB-GUESS-0002')).status).toBe(422)
    await expectRateLimited(await guess('WB-GUESS-0003'))
    const honest = (from: string) => json('/api/quotes/preview', { ...winBack, offerCode: TEST_OFFER_CODE }, from)
    for (let i = 0; i < 4; i++) expect((await honest('198.51.100.21')).status).not.toBe(429)
  })

  it('limits orders per client and per company credit code', async () => {
    const quotes = [await createQuote(seeded.api), await createQuote(seeded.api), await createQuote(seeded.api)]
    expect((await postOrder(seeded.api, orderBody(quotes[0].id))).status).toBe(201)
    expect((await postOrder(seeded.api, orderBody(quotes[1].id))).status).toBe(201)
    await expectRateLimited(await postOrder(seeded.api, orderBody(quotes[2].id, { company: { name: '上海示例科技有限公司', creditCode: VALID_CREDIT_CODE.toLowerCase() } })))
  })

  it('limits look-ups of one order number, whatever the token and address', async () => {
    const look = (from: string, token: string) => seeded.api.request(`/api/orders/SO-20261122-0001?token=${token}`, {}, from)
    expect((await look('198.51.100.30', 'a')).status).toBe(404)
    expect((await look('198.51.100.31', 'b')).status).toBe(404)
    expect((await look('198.51.100.32', 'c')).status).toBe(404)
    await expectRateLimited(await look('198.51.100.33', 'd'))
  })

  it('counts by X-Forwarded-For only when told to trust the proxy', async () => {
    const spoofed = (from: string) =>
      seeded.api.request('/api/quotes', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify(quoteRequest) }, '198.51.100.40')
    for (let i = 0; i < 3; i++) expect((await spoofed(`203.0.113.${i}`)).status).toBe(201)
    await expectRateLimited(await spoofed('203.0.113.99'))

    const behindProxy = createTestApi(seeded.database, undefined, null, { trustProxy: true, limits: { quotes: { points: 1, ...hour } } })
    const viaProxy = (client: string) =>
      behindProxy.request('/api/quotes', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.9, ${client}` }, body: JSON.stringify(quoteRequest) }, '127.0.0.1')
    expect((await viaProxy('203.0.113.50')).status).toBe(201)
    expect((await viaProxy('203.0.113.51')).status).toBe(201)
    await expectRateLimited(await viaProxy('203.0.113.50'))
  })

  it('counts landing views of unknown campaigns under one bucket, so random query strings add no rows', async () => {
    const at = new Date('2026-11-22T03:00:00.000Z')
    const path = '/bundles/evergreen'
    await countLandingView(seeded.database.db, { path, attribution: { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'lujiazui' }, at })
    for (let i = 0; i < 20; i++) {
      await countLandingView(seeded.database.db, { path, attribution: { utm_source: `spam-${i}`, utm_medium: `m-${i}`, utm_campaign: `c-${i}` }, at })
    }
    await countLandingView(seeded.database.db, { path, attribution: { utm_source: 'baidu', utm_campaign: `random-${Math.random()}` }, at })
    const rows = (await landingViews(seeded.database.db, path)).map(({ utm_source, utm_medium, utm_campaign, views }) => ({ utm_source, utm_medium, utm_campaign, views: Number(views) }))
    expect(rows).toHaveLength(3)
    expect(rows).toEqual(
      expect.arrayContaining([
        { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'lujiazui', views: 1 },
        { utm_source: OTHER_CAMPAIGN, utm_medium: OTHER_CAMPAIGN, utm_campaign: OTHER_CAMPAIGN, views: 20 },
        { utm_source: 'baidu', utm_medium: '', utm_campaign: OTHER_CAMPAIGN, views: 1 },
      ]),
    )
  })
  it('counts at most MAX_TERMS_PER_CAMPAIGN_DAY keywords of a known campaign a day: made-up keywords beyond them add no rows', async () => {
    const at = new Date('2026-11-23T03:00:00.000Z')
    const path = '/bundles/bb-express'
    const view = (term: string) => countLandingView(seeded.database.db, { path, attribution: { utm_campaign: 'lujiazui', utm_term: term }, at })
    for (let i = 0; i < MAX_TERMS_PER_CAMPAIGN_DAY; i++) await view(`keyword-${i}`)
    for (let i = 0; i < 5; i++) await view(`spam-${i}`)
    await view('keyword-7')
    const rows = await seeded.database.db.selectFrom('landing_views').select(['utm_term', 'views']).where('path', '=', path).where('day', '=', '2026-11-23').execute()
    expect(rows).toHaveLength(MAX_TERMS_PER_CAMPAIGN_DAY + 1)
    expect(rows.filter((row) => row.utm_term === OTHER_CAMPAIGN).map((row) => Number(row.views))).toEqual([5])
    expect(rows.filter((row) => row.utm_term === 'keyword-7').map((row) => Number(row.views))).toEqual([2])
    // The next day starts afresh.
    await countLandingView(seeded.database.db, { path, attribution: { utm_campaign: 'lujiazui', utm_term: 'spam-0' }, at: new Date('2026-11-24T03:00:00.000Z') })
    expect(await seeded.database.db.selectFrom('landing_views').select('utm_term').where('path', '=', path).where('day', '=', '2026-11-24').execute()).toEqual([{ utm_term: 'spam-0' }])
  })
})
