import { describe, expect, it } from 'vitest'
import { findLead } from '../../server/repositories/leads-repository'
import { ATTRIBUTION_COOKIE } from '../../server/services/attribution-cookie'
import { CALLBACK_FLASH_PARAM, readCallbackFlash } from '../../server/services/callback-flash'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const lead = { company: '上海示例科技有限公司', contact: { name: '李雷', mobile: '138 1234 5678' }, note: '下午方便' }

const postForm = (fields: Record<string, string>, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  body: new URLSearchParams(fields),
})

describe.each(databaseKinds)('leads API on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('routes a callback request to the manager of the building and answers who will call', async () => {
    const response = await seeded.api.postJson('/api/leads', { ...lead, buildingId: 'bld-jinmao-tower', offering: 'evergreen', attribution: { utm_source: 'baidu' } })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.manager).toMatchObject({ id: 'mgr-lujiazui-wang', name: '王静' })
    const stored = await findLead(seeded.database.db, body.id)
    expect(stored).toMatchObject({
      source: 'callback',
      mobile: '13812345678',
      manager_id: 'mgr-lujiazui-wang',
      queue_district: null,
      offering_slug: 'evergreen',
      attribution_json: JSON.stringify({ utm_source: 'baidu' }),
      status: 'new',
    })
    const notice = await seeded.database.db.selectFrom('outbox').selectAll().where('kind', '=', 'manager_new_lead').where('payload_json', 'like', '%上海示例科技有限公司%').executeTakeFirstOrThrow()
    expect(notice).toMatchObject({ recipient: 'wang.jing@example-telecom.cn', status: 'pending' })
  })

  it('sends a building without a manager to its district queue, and no building to the unassigned queue', async () => {
    const [unmanaged] = await seeded.database.db.selectFrom('buildings').selectAll().where('manager_id', 'is', null).execute()
    const queued = await (await seeded.api.postJson('/api/leads', { ...lead, buildingId: unmanaged.id })).json()
    expect(queued).toMatchObject({ manager: null, queue: { district: unmanaged.district } })
    expect(await findLead(seeded.database.db, queued.id)).toMatchObject({ manager_id: null, queue_district: unmanaged.district })
    const anywhere = await (await seeded.api.postJson('/api/leads', lead)).json()
    expect(anywhere).toMatchObject({ manager: null, queue: { district: null } })
  })

  it('takes the building and offering from the quote a lead refers to', async () => {
    const quote = await (
      await seeded.api.postJson('/api/quotes', { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' }, buildingId: 'bld-last-port-huaxin' })
    ).json()
    const body = await (await seeded.api.postJson('/api/leads', { ...lead, quoteId: quote.id, source: 'abandoned_quote' })).json()
    expect(await findLead(seeded.database.db, body.id)).toMatchObject({ building_id: 'bld-last-port-huaxin', offering_slug: 'shangjiale', manager_id: 'mgr-xuhui-chen' })
  })

  it.each([
    ['a mobile that is not a mainland number', { ...lead, contact: { name: '李雷', mobile: '12345678901' } }, 400],
    ['a missing company', { contact: lead.contact }, 400],
    ['an unknown field', { ...lead, priority: 'high' }, 400],
    ['an unknown building', { ...lead, buildingId: 'bld-nowhere' }, 404],
    ['an unknown quote', { ...lead, quoteId: 'nope' }, 404],
  ])('refuses %s', async (_name, body, status) => {
    expect((await seeded.api.postJson('/api/leads', body)).status).toBe(status)
  })

  it('takes a no-JavaScript form post, with first-touch attribution from the cookie, and redirects to the thank-you page', async () => {
    const cookie = `${ATTRIBUTION_COOKIE}=${encodeURIComponent(JSON.stringify({ utm_source: 'baidu', bd_vid: 'x1' }))}`
    const response = await seeded.api.request(
      '/api/leads',
      postForm({ company: '示例', name: '韩梅梅', mobile: '+86 139-1234-5678', source: 'unserviceable', lang: 'en', buildingId: 'bld-shanghai-tower', return: '/check?building=bld-shanghai-tower' }, cookie),
    )
    expect(response.status).toBe(303)
    const location = response.headers.get('location')!
    expect(location).toMatch(/^\/en\/leads\/[\w-]+$/)
    const stored = await findLead(seeded.database.db, location.split('/').at(-1)!)
    expect(stored).toMatchObject({ source: 'unserviceable', mobile: '13912345678', lang: 'en', manager_id: 'mgr-lujiazui-wang', attribution_json: JSON.stringify({ utm_source: 'baidu', bd_vid: 'x1' }) })
  })

  it('takes a form as the browser sends it: a full note whose line breaks come as CRLF, a mobile typed in full-width digits', async () => {
    // The textarea's maxlength counts a line break as one character; the form post sends it as two.
    const note = `请下午回电\r\n${'x'.repeat(494)}`
    const response = await seeded.api.request('/api/leads', postForm({ company: '示例', name: '韩梅梅', mobile: '１３８ １２３４ ５６７８', note, return: '/bundles/evergreen' }))
    expect(response.status).toBe(303)
    const location = response.headers.get('location')!
    expect(location).toMatch(/^\/leads\/[\w-]+$/)
    const stored = await findLead(seeded.database.db, location.split('/').at(-1)!)
    expect(stored).toMatchObject({ mobile: '13812345678', note: `请下午回电\n${'x'.repeat(494)}` })
  })

  it('sends a refused form back to its page with the error and what was typed kept server-side, never to another site', async () => {
    const refused = await seeded.api.request('/api/leads', postForm({ company: '示例公司', name: '韩梅梅', mobile: '123', return: '/check?building=bld-shanghai-tower' }))
    expect(refused.status).toBe(303)
    const back = new URL(refused.headers.get('location')!, 'http://storefront.test')
    expect(back.pathname).toBe('/check')
    expect(back.searchParams.get('building')).toBe('bld-shanghai-tower')
    const flash = await readCallbackFlash(seeded.api.services, back.searchParams.get(CALLBACK_FLASH_PARAM)!)
    expect(flash).toMatchObject({ error: 'mobile', values: { company: '示例公司', mobile: '123' } })
    const offsite = await seeded.api.request('/api/leads', postForm({ company: '', name: 'x', mobile: '123', return: '//evil.example/phish' }))
    expect(offsite.headers.get('location')).toMatch(new RegExp(`^/\\?${CALLBACK_FLASH_PARAM}=`))
  })
})

describe.each(databaseKinds)('quote previews on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('prices like a quote without storing anything', async () => {
    const body = { offering: 'bb-express', options: { payment: 'prepay-12' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' } }
    const response = await seeded.api.postJson('/api/quotes/preview', body)
    expect(response.status).toBe(200)
    const preview = await response.json()
    expect(preview).toMatchObject({ oneTime: { total: 399600 }, firstYearTotal: 399600 })
    expect(preview).not.toHaveProperty('id')
    expect(await seeded.database.db.selectFrom('quotes').select('id').execute()).toEqual([])
    const refused = await seeded.api.postJson('/api/quotes/preview', { ...body, options: { payment: 'yearly' } })
    expect((await refused.json()).error.code).toBe('invalid_configuration')
  })
})
