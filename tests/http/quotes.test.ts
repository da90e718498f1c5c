import { describe, expect, it } from 'vitest'
import { findQuoteAttribution } from '../../server/repositories/quotes-repository'
import { MAX_BODY_BYTES } from '../../server/app'
import { changedCopy } from '../support/changed-copy'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const evergreen = {
  offering: 'evergreen',
  options: { plan: 'A' },
  termMonths: 12,
  items: {},
  customer: { status: 'new', priorMonthlySpend: [800000, 800000, 800000], currentMonthlySpend: 1100000 },
  usage: { local_voice: 300000, long_distance: 500000, mobile: 300000 },
}

const withChange = (change: (body: any) => void) => changedCopy(evergreen, change)

describe.each(databaseKinds)('quotes API on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('stores the quote with its catalog version, 7-day expiry and attribution', async () => {
    const attribution = { utm_source: 'baidu', utm_campaign: 'lujiazui-q4', bd_vid: 'abc123' }
    const response = await seeded.api.postJson('/api/quotes', { ...evergreen, attribution, buildingId: 'bld-jinmao-tower' })
    expect(response.status).toBe(201)
    const quote = await response.json()
    expect(quote.catalogVersion).toMatch(/^v1-/)
    expect(quote.buildingId).toBe('bld-jinmao-tower')
    expect(Date.parse(quote.expiresAt) - Date.parse(quote.createdAt)).toBe(7 * 24 * 60 * 60 * 1000)
    expect(await findQuoteAttribution(seeded.database.db, quote.id)).toEqual(attribution)
    for (const line of quote.monthly.lines) expect(line.rule).toMatch(/\w/)
  })

  it('answers 404 quote_not_found for an unknown quote id', async () => {
    const response = await seeded.api.request('/api/quotes/does-not-exist')
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('quote_not_found')
  })

  const badRequests: [string, unknown, number, string][] = [
    ['an unknown top-level field', withChange((b) => (b.total = 1)), 400, 'invalid_request'],
    ['an unknown customer field', withChange((b) => (b.customer.discount = 10)), 400, 'invalid_request'],
    ['a negative count', withChange((b) => (b.items = { 'mobile-line': -1 })), 400, 'invalid_request'],
    ['a fractional count', withChange((b) => (b.items = { 'mobile-line': 1.5 })), 400, 'invalid_request'],
    ['a count given as a string', withChange((b) => (b.items = { 'mobile-line': '2' })), 400, 'invalid_request'],
    ['usage above ¥10,000,000', withChange((b) => (b.usage.local_voice = 1_000_000_001)), 400, 'invalid_request'],
    ['negative usage', withChange((b) => (b.usage.mobile = -5)), 400, 'invalid_request'],
    ['an unknown usage category', withChange((b) => (b.usage.roaming = 5)), 400, 'invalid_request'],
    ['2 prior months', withChange((b) => (b.customer.priorMonthlySpend = [1, 2])), 400, 'invalid_request'],
    ['4 prior months', withChange((b) => (b.customer.priorMonthlySpend = [1, 2, 3, 4])), 400, 'invalid_request'],
    ['a fractional prior month', withChange((b) => (b.customer.priorMonthlySpend = [1.5, 2, 3])), 400, 'invalid_request'],
    ['a missing customer status', withChange((b) => delete b.customer.status), 400, 'invalid_request'],
    ['a malformed component code', withChange((b) => (b.items = { 'BB 100!': 1 })), 400, 'invalid_request'],
    ['an array body', [evergreen], 400, 'invalid_request'],
    ['null', null, 400, 'invalid_request'],
    ['an unknown offering', withChange((b) => (b.offering = 'nope')), 404, 'offering_not_found'],
    ['an unknown component code', withChange((b) => (b.items = { 'warp-drive': 1 })), 422, 'invalid_configuration'],
    ['a count above the offering max', withChange((b) => (b.items = { 'bb-100': 2 })), 422, 'invalid_configuration'],
    ['a missing plan', withChange((b) => (b.options = {})), 422, 'invalid_configuration'],
    ['an unknown plan', withChange((b) => (b.options = { plan: 'Z' })), 422, 'invalid_configuration'],
    ['a term the offering lacks', withChange((b) => (b.termMonths = 24)), 422, 'invalid_term'],
    ['no prior spend', withChange((b) => delete b.customer.priorMonthlySpend), 422, 'prior_spend_required'],
    ['X above ¥200,000', withChange((b) => (b.customer.priorMonthlySpend = [30_000_000, 30_000_000, 30_000_000])), 422, 'refer_to_manager'],
    ['an unknown building', withChange((b) => (b.buildingId = 'bld-nowhere')), 404, 'building_not_found'],
  ]
  it.each(badRequests)('refuses %s', async (_name, body, status, code) => {
    const response = await seeded.api.postJson('/api/quotes', body)
    expect(response.status).toBe(status)
    const answer = await response.json()
    expect(answer.error.code).toBe(code)
    expect(answer.error.message).toEqual(expect.any(String))
    expect(JSON.stringify(answer)).not.toMatch(/at .+\.(ts|js):\d+/)
  })

  it('points a configuration error at the field that caused it', async () => {
    const response = await seeded.api.postJson('/api/quotes', withChange((b) => (b.items = { 'bb-100': 2 })))
    expect((await response.json()).error.issues).toEqual([{ path: 'items.bb-100', message: expect.any(String) }])
  })

  it('answers 400 for a body that is not JSON', async () => {
    const response = await seeded.api.request('/api/quotes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"offering":' })
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_request')
  })

  it('answers 413 for a body above 64 KiB', async () => {
    const body = JSON.stringify({ ...evergreen, padding: 'x'.repeat(MAX_BODY_BYTES) })
    const response = await seeded.api.request('/api/quotes', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await seeded.api.request('/api/nothing-here')
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('not_found')
  })

  it('never logged an unexpected error', () => {
    expect(seeded.api.errors).toEqual([])
  })
})
