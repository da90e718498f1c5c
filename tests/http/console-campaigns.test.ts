import { beforeAll, describe, expect, it } from 'vitest'
import type { CampaignWithReport } from '../../server/console/campaign-desk'
import { readCampaignForm } from '../../server/console/campaign-form-flash'
import { countLandingView } from '../../server/repositories/landing-views-repository'
import type { Attribution } from '../../server/schemas/attribution'
import { broadbandQuote, orderBody, postOrder } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

// Jin Mao Tower is Wang Jing's (Lujiazui), Plaza 66 Li's (Jing'an); the campaign targets both.
const JIN_MAO = 'bld-jinmao-tower'
const PLAZA_66 = 'bld-plaza-66'
const CAMPAIGN = 'lujiazui-q4'
const TERM_A = 'office broadband'
// A keyword as an ad platform's broad-match modifier writes it: a spreadsheet would read it as a formula.
const TERM_B = '+写字楼宽带'
const ad = (term: string): Attribution => ({ utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: CAMPAIGN, utm_term: term })

// The campaign runs 22–24 Nov 2026, Shanghai days: from 21 Nov 16:00 UTC to 24 Nov 16:00 UTC.
const T0 = new Date('2026-11-22T03:00:00.000Z')
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000)
const LAST_MINUTE = new Date('2026-11-24T15:59:00.000Z') // 23:59 on the last day
const TOO_LATE = new Date('2026-11-24T16:01:00.000Z') // 00:01 the day after

describe.each(databaseKinds)('campaigns and their results on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let marketing: { id: string; email: string }
  let wang: { email: string }
  let ops: { email: string }
  let campaignId: string
  let revenue: number
  let revenueA: number

  const at = (when: Date) => seeded.api.setNow(when)
  const post = (cookie: string, path: string, body: unknown) => seeded.api.request(path, asStaff(cookie, 'POST', body))
  const get = (cookie: string, path: string) => seeded.api.request(path, asStaff(cookie))
  async function quote(term: string, buildingId: string) {
    const response = await seeded.api.postJson('/api/quotes', { ...broadbandQuote, buildingId, attribution: ad(term) })
    expect(response.status).toBe(201)
    return (await response.json()) as { id: string; firstYearTotal: number }
  }
  async function lead(term: string, buildingId: string, mobile: string) {
    const response = await seeded.api.postJson('/api/leads', { company: '上海示例科技有限公司', contact: { name: '韩梅梅', mobile }, buildingId, attribution: ad(term) })
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  async function order(quoteId: string, buildingId: string, mobile: string, slot: 'am' | 'pm') {
    const response = await postOrder(seeded.api, orderBody(quoteId, { site: { buildingId, floor: '8', unit: '801' }, contact: { name: '李雷', mobile, email: 'li.lei@example.com' }, installSlot: { date: '2026-12-01', slot } }))
    expect(response.status).toBe(201)
  }
  const view = (term: string, when: Date) => countLandingView(seeded.database.db, { path: '/bundles/bb-express', attribution: ad(term), at: when })

  beforeAll(async () => {
    marketing = await createStaff(seeded.api, ['marketing'])
    wang = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
    ops = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, marketing.email)
    at(new Date('2026-11-20T02:00:00.000Z'))
    const created = await post(cookie, '/api/console/campaigns', {
      name: '陆家嘴写字楼 Q4 搜索广告',
      channel: 'search_ads',
      utmCampaign: CAMPAIGN,
      offerings: ['bb-express'],
      buildingIds: [JIN_MAO, PLAZA_66],
      startsOn: '2026-11-22',
      endsOn: '2026-11-24',
    })
    expect(created.status).toBe(201)
    campaignId = ((await created.json()) as { id: string }).id

    // A known set: what falls inside the campaign's days counts, what falls a minute outside does not.
    await view(TERM_A, new Date('2026-11-21T15:59:00.000Z')) // 21 Nov 23:59 Shanghai: before it
    for (let i = 0; i < 4; i++) await view(TERM_A, T0)
    for (let i = 0; i < 4; i++) await view(TERM_B, new Date('2026-11-23T16:01:00.000Z')) // 24 Nov 00:01 Shanghai
    await view(TERM_B, TOO_LATE)

    at(T0)
    const q1 = await quote(TERM_A, JIN_MAO)
    await quote(TERM_A, JIN_MAO)
    await lead(TERM_A, JIN_MAO, '13911110001')
    const l3 = await lead(TERM_A, JIN_MAO, '13911110003')
    // Signed in at each step: a console session ends after 30 idle minutes.
    at(minutes(30))
    let wangCookie = await signIn(seeded.api, wang.email)
    expect((await post(wangCookie, `/api/console/leads/${l3}/contact`, {})).status).toBe(200)
    expect((await post(wangCookie, `/api/console/leads/${l3}/qualify`, {})).status).toBe(200)
    at(minutes(60))
    wangCookie = await signIn(seeded.api, wang.email)
    const l1 = (await seeded.database.db.selectFrom('leads').select('id').where('mobile', '=', '13911110001').executeTakeFirstOrThrow()).id
    expect((await post(wangCookie, `/api/console/leads/${l1}/contact`, {})).status).toBe(200)
    at(minutes(120))
    // The order wins lead 1 (same mobile, same building).
    await order(q1.id, JIN_MAO, '13911110001', 'am')

    at(new Date('2026-11-23T03:00:00.000Z'))
    await lead(TERM_B, PLAZA_66, '13911110002')

    at(LAST_MINUTE)
    const q3 = await quote(TERM_B, PLAZA_66)
    await order(q3.id, PLAZA_66, '13911110004', 'pm')
    at(TOO_LATE)
    const q4 = await quote(TERM_B, JIN_MAO)
    await order(q4.id, JIN_MAO, '13911110005', 'pm')
    revenue = q1.firstYearTotal + q3.firstYearTotal
    revenueA = q1.firstYearTotal
  })

  const reportAs = async (email: string) => {
    const response = await get(await signIn(seeded.api, email), `/api/console/campaigns/${campaignId}`)
    expect(response.status).toBe(200)
    return (await response.json()) as CampaignWithReport
  }

  it('counts views, quotes, leads and orders within its Shanghai days, with conversions, response time, quality and revenue', async () => {
    const { campaign, report } = await reportAs(marketing.email)
    expect(campaign).toMatchObject({ name: '陆家嘴写字楼 Q4 搜索广告', channel: 'search_ads', utm_campaign: CAMPAIGN, offerings: ['bb-express'], buildingIds: [PLAZA_66, JIN_MAO].sort() })
    expect(report.totals).toEqual({
      views: 8,
      quotes: 3,
      leads: 3,
      orders: 2,
      revenueFen: revenue,
      quoteRate: 3 / 8,
      leadRate: 1,
      orderRate: 2 / 3,
      viewToOrder: 2 / 8,
      qualifiedShare: 2 / 3,
      wonShare: 1 / 3,
      medianResponseMinutes: 45,
    })
    const line = (lines: CampaignWithReport['report']['byTerm'], key: string) => {
      const found = lines.find((entry) => entry.key === key)
      expect(found, key).toBeDefined()
      const { views, quotes, leads, orders, revenueFen } = found!.figures
      return { views, quotes, leads, orders, revenueFen }
    }
    expect(line(report.byTerm, TERM_A)).toEqual({ views: 4, quotes: 2, leads: 2, orders: 1, revenueFen: revenueA })
    expect(line(report.byTerm, TERM_B)).toEqual({ views: 4, quotes: 1, leads: 1, orders: 1, revenueFen: revenue - revenueA })
    expect(line(report.byBuilding, JIN_MAO)).toMatchObject({ views: null, quotes: 2, leads: 2, orders: 1 })
    expect(line(report.byBuilding, PLAZA_66)).toMatchObject({ quotes: 1, leads: 1, orders: 1 })
    expect(line(report.byBuilding, '(other)')).toMatchObject({ quotes: 0, leads: 0, orders: 0 })
    expect(report.byBuilding.find((entry) => entry.key === JIN_MAO)!.label).toEqual({ zh: expect.stringContaining('金茂'), en: expect.stringContaining('Jin Mao') })
    expect(line(report.byManager, 'mgr-lujiazui-wang')).toMatchObject({ quotes: 2, leads: 2, orders: 1 })
    expect(line(report.byManager, 'mgr-jingan-li')).toMatchObject({ quotes: 1, leads: 1, orders: 1 })
    expect(report.byDay.map((entry) => [entry.key, entry.figures.views, entry.figures.quotes, entry.figures.leads, entry.figures.orders])).toEqual([
      ['2026-11-22', 4, 2, 2, 1],
      ['2026-11-23', 0, 0, 1, 0],
      ['2026-11-24', 4, 1, 0, 1],
    ])
    expect(report.byTerm.find((entry) => entry.key === TERM_A)!.figures).toMatchObject({ qualifiedShare: 1, wonShare: 0.5, medianResponseMinutes: 45 })
  })

  it('counts a view of the next Shanghai day on that day, and keywords of unknown campaigns as (other)', async () => {
    const rows = await seeded.database.db.selectFrom('landing_views').select(['day', 'utm_campaign', 'utm_term', 'views']).where('path', '=', '/bundles/bb-express').orderBy('day').execute()
    expect(rows.map((row) => ({ ...row, views: Number(row.views) }))).toEqual([
      { day: '2026-11-21', utm_campaign: CAMPAIGN, utm_term: TERM_A, views: 1 },
      { day: '2026-11-22', utm_campaign: CAMPAIGN, utm_term: TERM_A, views: 4 },
      { day: '2026-11-24', utm_campaign: CAMPAIGN, utm_term: TERM_B, views: 4 },
      { day: '2026-11-25', utm_campaign: CAMPAIGN, utm_term: TERM_B, views: 1 },
    ])
    await countLandingView(seeded.database.db, { path: '/bundles/evergreen', attribution: { utm_campaign: `random-${Math.random()}`, utm_term: `spam-${Math.random()}` }, at: T0 })
    await countLandingView(seeded.database.db, { path: '/bundles/evergreen', attribution: { utm_campaign: CAMPAIGN, utm_term: 'x'.repeat(150) }, at: new Date('2026-12-05T03:00:00.000Z') })
    const evergreen = await seeded.database.db.selectFrom('landing_views').select(['utm_campaign', 'utm_term']).where('path', '=', '/bundles/evergreen').orderBy('utm_campaign').execute()
    expect(evergreen).toEqual([
      { utm_campaign: '(other)', utm_term: '(other)' },
      { utm_campaign: CAMPAIGN, utm_term: 'x'.repeat(60) },
    ])
  })

  it('shows a manager the campaigns aimed at their buildings, with only their buildings’ figures and no views', async () => {
    const { report } = await reportAs(wang.email)
    expect(report.withViews).toBe(false)
    expect(report.totals).toMatchObject({ views: null, quotes: 2, leads: 2, orders: 1, quoteRate: null, leadRate: 1, orderRate: 0.5, qualifiedShare: 1, wonShare: 0.5, medianResponseMinutes: 45 })
    expect(report.byBuilding.map((entry) => entry.key)).toEqual([JIN_MAO, '(other)'])
    expect(report.byManager.map((entry) => entry.key)).toEqual(['mgr-lujiazui-wang'])

    const cookie = await signIn(seeded.api, marketing.email)
    const elsewhere = await post(cookie, '/api/console/campaigns', { name: '静安物业俱乐部', channel: 'property_club', utmCampaign: 'jingan-club', offerings: [], buildingIds: [PLAZA_66], startsOn: '2026-11-01', endsOn: '2026-11-30' })
    expect(elsewhere.status).toBe(201)
    const { id } = (await elsewhere.json()) as { id: string }
    const wangCookie = await signIn(seeded.api, wang.email)
    const list = (await (await get(wangCookie, '/api/console/campaigns')).json()) as { campaigns: { id: string }[] }
    expect(list.campaigns.map((campaign) => campaign.id)).toEqual([campaignId])
    expect((await get(wangCookie, `/api/console/campaigns/${id}`)).status).toBe(404)
    expect((await get(wangCookie, `/api/console/campaigns/${id}/report.csv`)).status).toBe(404)
    // Managers read; creating and editing is marketing's. Operations see no campaigns.
    expect((await post(wangCookie, '/api/console/campaigns', { name: 'x' })).status).toBe(403)
    expect((await get(await signIn(seeded.api, ops.email), '/api/console/campaigns')).status).toBe(403)
  })

  it('exports the report as CSV in Chinese or English, a keyword that looks like a formula kept as text', async () => {
    const cookie = await signIn(seeded.api, marketing.email)
    const zh = await get(cookie, `/api/console/campaigns/${campaignId}/report.csv`)
    expect(zh.status).toBe(200)
    expect(zh.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(zh.headers.get('content-disposition')).toMatch(/attachment; filename="campaign-lujiazui-q4-\d{4}-\d{2}-\d{2}\.csv"/)
    const text = await zh.text()
    const lines = text.replace(/^\uFEFF/, '').trim().split('\n')
    expect(lines[0]).toBe('分组,项目,落地页浏览,报价,线索,订单,浏览→报价,报价→线索,报价→订单,浏览→订单,线索确认率,线索成交率,线索响应中位数（分钟）,订单首年收入（元）')
    const yuan = `${Math.trunc(revenue / 100)}.${String(revenue % 100).padStart(2, '0')}`
    expect(lines[1]).toBe(`合计,陆家嘴写字楼 Q4 搜索广告 · 搜索广告 · 2026-11-22–2026-11-24,8,3,3,2,37.5%,100.0%,66.7%,25.0%,66.7%,33.3%,45,${yuan}`)
    expect(lines).toContain(`搜索关键词,'${TERM_B},4,1,1,1,25.0%,100.0%,100.0%,25.0%,0.0%,0.0%,,${lines.find((row) => row.startsWith(`搜索关键词,'${TERM_B}`))!.split(',').at(-1)}`)
    expect(lines.some((row) => row.startsWith('楼宇,金茂大厦,,2,2,1'))).toBe(true)
    expect(lines.some((row) => row.startsWith('日期（上海）,2026-11-23,0,0,1,0'))).toBe(true)

    const en = await (await get(cookie, `/api/console/campaigns/${campaignId}/report.csv?lang=en`)).text()
    expect(en).toContain('Breakdown,Line,Landing views,Quotes,Leads,Orders')
    expect(en).toContain('Search keyword,office broadband,4,2,2,1')
  })

  it('refuses a campaign form with what to correct, and a utm_campaign another campaign uses', async () => {
    const cookie = await signIn(seeded.api, marketing.email)
    const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string; issues?: { path: string }[] } }).error })
    const valid = { name: '直邮', channel: 'direct_mail', utmCampaign: 'dm-2026', offerings: ['bb-express'], buildingIds: [JIN_MAO], startsOn: '2026-12-01', endsOn: '2026-12-31' }
    expect(await refusal(await post(cookie, '/api/console/campaigns', { ...valid, name: '  ' }))).toMatchObject({ status: 400, code: 'invalid_request', issues: [{ path: 'name' }] })
    expect(await refusal(await post(cookie, '/api/console/campaigns', { ...valid, channel: 'billboards' }))).toMatchObject({ status: 400, issues: [{ path: 'channel' }] })
    expect(await refusal(await post(cookie, '/api/console/campaigns', { ...valid, utmCampaign: 'has space' }))).toMatchObject({ status: 400, issues: [{ path: 'utmCampaign' }] })
    expect(await refusal(await post(cookie, '/api/console/campaigns', { ...valid, endsOn: '2026-11-30' }))).toMatchObject({ status: 400, issues: [{ path: 'endsOn' }] })
    expect(await refusal(await post(cookie, '/api/console/campaigns', { ...valid, buildingIds: ['bld-nowhere'] }))).toMatchObject({ status: 404, code: 'building_not_found', issues: [{ path: 'buildingIds' }] })
    expect(await refusal(await post(cookie, '/api/console/campaigns', { ...valid, offerings: ['no-such-bundle'] }))).toMatchObject({ status: 404, code: 'offering_not_found', issues: [{ path: 'offerings' }] })
    expect(await refusal(await post(cookie, '/api/console/campaigns', { ...valid, utmCampaign: CAMPAIGN }))).toMatchObject({ status: 409, code: 'campaign_taken', issues: [{ path: 'utmCampaign' }] })

    // A page's form: refused back to the form with the field named, created on to the report page.
    const form = (fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams()
      for (const [name, value] of Object.entries(fields)) for (const entry of [value].flat()) body.append(name, entry)
      return seeded.api.request('/api/console/campaigns', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body })
    }
    const refused = await form({ ...valid, endsOn: '2026-11-01', return: '/en/console/campaigns/new' })
    expect(refused.status).toBe(303)
    const back = new URL(refused.headers.get('location')!, 'http://site.invalid')
    expect(`${back.pathname}?error=${back.searchParams.get('error')}&field=${back.searchParams.get('field')}`).toBe('/en/console/campaigns/new?error=invalid_request&field=endsOn')
    // What was typed comes back to the form (by an id in the address, for this staff member only), so only the named field needs fixing.
    const services = seeded.api.services
    const kept = await readCampaignForm(services, marketing.id, back.searchParams.get('form') ?? '')
    expect(kept).toEqual({ ...valid, endsOn: '2026-11-01' })
    expect(await readCampaignForm(services, 'someone-else', back.searchParams.get('form') ?? '')).toBeUndefined()
    // A tag in use likewise keeps the form.
    const taken = new URL((await form({ ...valid, utmCampaign: CAMPAIGN, return: '/console/campaigns/new' })).headers.get('location')!, 'http://site.invalid')
    expect(taken.searchParams.get('error')).toBe('campaign_taken')
    expect(await readCampaignForm(services, marketing.id, taken.searchParams.get('form') ?? '')).toMatchObject({ utmCampaign: CAMPAIGN, buildingIds: [JIN_MAO] })
    const created = await form({ ...valid, buildingIds: [JIN_MAO, PLAZA_66], return: '/en/console/campaigns/new' })
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toMatch(/^\/en\/console\/campaigns\/[0-9a-f-]{36}\?done=campaign_created$/)
    const id = created.headers.get('location')!.split('/').at(-1)!.split('?')[0]!
    const edited = await seeded.api.request(`/api/console/campaigns/${id}`, asStaff(cookie, 'PATCH', { ...valid, name: '直邮（12 月）', buildingIds: [PLAZA_66] }))
    expect(edited.status).toBe(200)
    // The edit page's form posts with ?_method=PATCH and comes back to the report.
    const editForm = new URLSearchParams({ ...valid, offerings: 'bb-express', name: '直邮（12 月）', buildingIds: PLAZA_66, return: `/console/campaigns/${id}/edit` })
    const saved = await seeded.api.request(`/api/console/campaigns/${id}?_method=PATCH`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: editForm })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`/console/campaigns/${id}?done=campaign_saved`)
    const { campaign } = (await (await get(cookie, `/api/console/campaigns/${id}`)).json()) as CampaignWithReport
    expect(campaign).toMatchObject({ name: '直邮（12 月）', buildingIds: [PLAZA_66], offerings: ['bb-express'] })
    // Its utm_campaign is now a known value: the landing page counts its views under it.
    const known = await seeded.database.db.selectFrom('campaign_values').select('value').where('parameter', '=', 'utm_campaign').where('value', '=', 'dm-2026').execute()
    expect(known).toHaveLength(1)
  })

  it('refuses a tag another campaign has in another case (Spring-EN beside spring-en), keeping a tag as typed', async () => {
    const cookie = await signIn(seeded.api, marketing.email)
    const fields = { name: '春季英文', channel: 'email_visit', offerings: ['bb-express'], buildingIds: [JIN_MAO], startsOn: '2027-03-01', endsOn: '2027-03-31' }
    const first = await post(cookie, '/api/console/campaigns', { ...fields, utmCampaign: 'Spring-EN' })
    expect(first.status).toBe(201)
    const firstId = ((await first.json()) as { id: string }).id
    const twin = await post(cookie, '/api/console/campaigns', { ...fields, utmCampaign: 'spring-en' })
    expect(twin.status).toBe(409)
    expect(((await twin.json()) as { error: { code: string; issues: { path: string }[] } }).error).toMatchObject({ code: 'campaign_taken', issues: [{ path: 'utmCampaign' }] })
    // Another campaign renamed to the same tag in another case is refused too; the campaign itself may change its tag's case.
    const other = await post(cookie, '/api/console/campaigns', { ...fields, utmCampaign: 'summer-en' })
    const otherId = ((await other.json()) as { id: string }).id
    expect((await seeded.api.request(`/api/console/campaigns/${otherId}`, asStaff(cookie, 'PATCH', { ...fields, utmCampaign: 'SPRING-en' }))).status).toBe(409)
    expect((await seeded.api.request(`/api/console/campaigns/${firstId}`, asStaff(cookie, 'PATCH', { ...fields, utmCampaign: 'SPRING-EN' }))).status).toBe(200)
    const { campaign } = (await (await get(cookie, `/api/console/campaigns/${firstId}`)).json()) as CampaignWithReport
    expect(campaign.utm_campaign).toBe('SPRING-EN')
  })
})
