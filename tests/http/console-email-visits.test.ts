import { randomUUID } from 'node:crypto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import { countLandingView, OTHER_CAMPAIGN } from '../../server/repositories/landing-views-repository'
import type { EmailVisitSummary as Summary } from '../../server/repositories/email-visits-repository'
import { deliverDueMessages, type OutgoingEmail } from '../../server/notifications/outbox-worker'
import { createQuote, orderBody, verifyEmail } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { creditCode } from '../support/tenants'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/** Jin Mao Tower and Lujiazui Business Plaza are Wang Jing's (Lujiazui); Li has Jing'an's buildings. */
const JIN_MAO = 'bld-jinmao-tower'
const PLAZA = 'bld-lujiazui-business-plaza'
const NOW = new Date('2026-11-22T03:00:00.000Z')

interface Preview {
  tenants: number
  mailable: number
  noEmail: number
  unsubscribed: number
  sample: { to: string; subject: string; text: string; html: string } | null
}
describe.each(databaseKinds)('console e-mail visits on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  const emails = { wang: '', li: '', marketing: '' }
  let wang: string
  let li: string
  let marketing: string
  let liBuilding: string
  // Addresses unique to this run of the file, so suppressions of one test never leak into another's counts.
  const run = randomUUID().slice(0, 8)
  const address = (name: string) => `${name}.${run}@tenant.example`

  const tenant = (id: string, building: string, company: string, email: string | null, size: number | null, carrier: string | null, code: string | null) => ({
    id: `${id}-${run}`,
    building_id: building,
    company,
    name_key: `${company}-${run}`,
    listed_name_key: null,
    credit_code: code,
    floor: null,
    unit: null,
    contact_name: null,
    mobile: null,
    email,
    staff_size: size,
    carrier,
    edited_fields: '[]',
    import_id: null,
    created_at: NOW.toISOString(),
    updated_at: NOW.toISOString(),
  })

  beforeAll(async () => {
    emails.wang = (await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })).email
    emails.li = (await createStaff(seeded.api, ['manager'], { managerId: 'mgr-jingan-li' })).email
    emails.marketing = (await createStaff(seeded.api, ['marketing'])).email
    liBuilding = (await db().selectFrom('buildings').select('id').where('manager_id', '=', 'mgr-jingan-li').executeTakeFirstOrThrow()).id
    await db()
      .insertInto('tenants')
      .values([
        tenant('t1', JIN_MAO, '上海甲科技有限公司', address('alpha'), 30, '中国联通', creditCode(101)),
        tenant('t2', JIN_MAO, '上海乙贸易有限公司', address('beta'), 120, '中国移动', creditCode(102)),
        tenant('t3', JIN_MAO, '上海丙咨询有限公司', null, 40, '中国联通', creditCode(103)),
        tenant('t4', PLAZA, '上海丁设计有限公司', address('delta'), 30, '中国联通', null),
        tenant('t5', liBuilding, '静安戊公司', address('epsilon'), 30, '中国联通', null),
      ])
      .execute()
    // The second tenant has an open lead in its building (same credit code).
    await db()
      .insertInto('leads')
      .values({
        id: randomUUID(),
        source: 'callback',
        company: '上海乙贸易有限公司',
        contact_name: '韩梅梅',
        mobile: '13912345678',
        note: null,
        lang: 'zh',
        building_id: JIN_MAO,
        offering_slug: null,
        quote_id: null,
        manager_id: 'mgr-lujiazui-wang',
        queue_district: null,
        attribution_json: null,
        status: 'contacted',
        credit_code: creditCode(102),
        created_at: NOW.toISOString(),
      })
      .execute()
  })
  beforeEach(async () => {
    seeded.api.setNow(NOW)
    wang = await signIn(seeded.api, emails.wang)
    li = await signIn(seeded.api, emails.li)
    marketing = await signIn(seeded.api, emails.marketing)
    await db().deleteFrom('outbox').execute()
  })

  const get = (cookie: string, path: string) => seeded.api.request(path, asStaff(cookie))
  const preview = async (cookie: string, query: string) => {
    const response = await get(cookie, `/api/console/email-visits/preview?${query}`)
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as Preview
  }
  const send = async (cookie: string, body: Record<string, unknown>) => {
    const response = await seeded.api.request('/api/console/email-visits', asStaff(cookie, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'winter-2026', ...body }))
    expect(response.status, await response.clone().text()).toBe(201)
    return (await response.json()) as { id: string; sendAt: string; recipients: number; queued: number; skipped: number }
  }
  const recipients = (visitId: string) => db().selectFrom('email_visit_recipients').selectAll().where('visit_id', '=', visitId).orderBy('company').execute()
  const visitList = async (cookie: string) => ((await (await get(cookie, '/api/console/email-visits')).json()) as { visits: Summary[] }).visits
  const deliverAll = async (at: Date, perMinute = 1000) => {
    const sent: OutgoingEmail[] = []
    await deliverDueMessages(db(), async (message) => void sent.push(message), at, { emailVisitsPerMinute: perMinute, batch: 200 })
    return sent
  }

  it('a manager picks and mails only their own buildings’ tenants: another manager’s building is not found, their visits not listed', async () => {
    const all = await preview(wang, '')
    expect(all.tenants).toBe(4)
    expect(all).toMatchObject({ mailable: 3, noEmail: 1, unsubscribed: 0 })
    const refused = await get(wang, `/api/console/email-visits/preview?building=${liBuilding}`)
    expect(refused.status).toBe(404)
    expect((await seeded.api.request('/api/console/email-visits', asStaff(wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'x', building: liBuilding }))).status).toBe(404)

    const visit = await send(wang, {})
    const rows = await recipients(visit.id)
    expect(rows.map((row) => row.building_id).sort()).toEqual([JIN_MAO, JIN_MAO, JIN_MAO, PLAZA])
    expect(rows.some((row) => row.email === address('epsilon'))).toBe(false)
    expect((await visitList(wang)).map((entry) => entry.id)).toContain(visit.id)
    expect((await visitList(li)).map((entry) => entry.id)).not.toContain(visit.id)
    expect((await visitList(marketing)).map((entry) => entry.id)).toContain(visit.id)
    // marketing reaches every building's tenants
    expect((await preview(marketing, `building=${liBuilding}`)).tenants).toBeGreaterThanOrEqual(1)
    // a role without the section is refused
    const ops = await signIn(seeded.api, (await createStaff(seeded.api, ['ops'])).email)
    expect((await get(ops, '/api/console/email-visits')).status).toBe(403)
  })

  it('filters by building, staff size, carrier and the company’s lead state', async () => {
    const companies = async (query: string) => {
      const visit = await send(marketing, Object.fromEntries(new URLSearchParams(query)))
      return (await recipients(visit.id)).map((row) => row.company)
    }
    expect((await preview(wang, `building=${PLAZA}`)).tenants).toBe(1)
    expect(await companies(`building=${JIN_MAO}&sizeMax=50&carrier=中国联通`)).toEqual(['上海丙咨询有限公司', '上海甲科技有限公司'].sort())
    expect(await companies(`building=${JIN_MAO}&sizeMin=100`)).toEqual(['上海乙贸易有限公司'])
    expect(await companies(`building=${JIN_MAO}&leadState=open`)).toEqual(['上海乙贸易有限公司'])
    expect((await companies(`building=${JIN_MAO}&leadState=none`)).sort()).toEqual(['上海丙咨询有限公司', '上海甲科技有限公司'].sort())
    expect((await preview(wang, `building=${JIN_MAO}&leadState=won`)).tenants).toBe(0)
    expect((await get(wang, '/api/console/email-visits/preview?sizeMin=50&sizeMax=10')).status).toBe(400)
  })

  it('schedules one mail per address at the send time on the lowest lane, with the tenant’s manager, bundles and from-prices; a preview shows one', async () => {
    const sample = (await preview(wang, `building=${JIN_MAO}&template=savings&offerings=bb-express&offerings=fixed-broadband&lang=en`)).sample!
    expect(sample.subject).toContain('上海')
    expect(sample.text).toContain('Wang Jing')
    expect(sample.text).toMatch(/from ¥[\d,.]+ a month/)

    const visit = await send(wang, { building: JIN_MAO, sendAt: '2026-11-23T09:30', lang: 'en', offerings: ['bb-express', 'fixed-broadband'] })
    expect(visit.sendAt).toBe('2026-11-23T01:30:00.000Z')
    const [audit] = await auditOf(db(), { kind: 'email_visit', id: visit.id })
    expect(audit).toMatchObject({ action: 'email_visit.scheduled', after: { template: 'introduction', offerings: ['bb-express', 'fixed-broadband'], utmCampaign: 'winter-2026', queued: 2 } })
    expect(visit).toMatchObject({ recipients: 3, queued: 2, skipped: 1 })
    const rows = await recipients(visit.id)
    expect(rows.map((row) => row.status).sort()).toEqual(['queued', 'queued', 'skipped_no_email'])
    expect(new Set(rows.map((row) => row.token)).size).toBe(3)
    for (const row of rows) expect(Buffer.from(row.token, 'base64url').length).toBeGreaterThanOrEqual(16)
    const mails = await db().selectFrom('outbox').selectAll().where('kind', '=', 'email_visit').execute()
    expect(mails).toHaveLength(2)
    for (const mail of mails) {
      expect(mail).toMatchObject({ priority: 3, next_attempt_at: '2026-11-23T01:30:00.000Z', lang: 'en', status: 'pending' })
      const payload = JSON.parse(mail.payload_json)
      const token = rows.find((row) => row.email === mail.recipient)!.token
      expect(payload.bundles.map((bundle: { url: string }) => bundle.url)).toEqual([
        `http://storefront.test/api/email-visits/go/${token}/bb-express`,
        `http://storefront.test/api/email-visits/go/${token}/fixed-broadband`,
      ])
      expect(payload).toMatchObject({ managerName: 'Wang Jing', unsubscribeUrl: `http://storefront.test/en/unsubscribe/${token}` })
    }
    // nothing leaves before its time
    expect(await deliverAll(new Date('2026-11-23T01:29:00.000Z'))).toHaveLength(0)
    expect(await deliverAll(new Date('2026-11-23T01:30:00.000Z'))).toHaveLength(2)
    expect((await recipients(visit.id)).map((row) => row.status).sort()).toEqual(['sent', 'sent', 'skipped_no_email'])
  })

  it('mails two tenants sharing one address once', async () => {
    await db().insertInto('tenants').values(tenant('t6', liBuilding, '静安己公司', address('epsilon').toUpperCase(), 10, null, null)).execute()
    expect(await preview(marketing, `building=${liBuilding}`)).toMatchObject({ tenants: 2, mailable: 1, noEmail: 1 })
    const visit = await send(marketing, { building: liBuilding })
    expect((await recipients(visit.id)).map((row) => row.status).sort()).toEqual(['queued', 'skipped_duplicate'])
    expect(await db().selectFrom('outbox').select('recipient').where('kind', '=', 'email_visit').execute()).toHaveLength(1)
  })

  it('refuses an unlisted or unknown bundle, a bad template or campaign tag, a send time too far ahead', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ offerings: ['evergreen-winback'] }, 'offerings'],
      [{ offerings: [] }, 'offerings'],
      [{ template: 'free-text' }, 'template'],
      [{ utmCampaign: 'Winter 2026!' }, 'utmCampaign'],
      [{ sendAt: '2027-06-01T09:00' }, 'sendAt'],
    ]
    for (const [overrides, field] of refusals) {
      const response = await seeded.api.request('/api/console/email-visits', asStaff(wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'x', ...overrides }))
      expect(response.status, JSON.stringify(overrides)).toBe(400)
      expect((await response.json()).error.issues[0].path).toBe(field)
    }
  })

  it('a send time in the past is refused (a mistyped year mails nobody at once); a few minutes back still means at once', async () => {
    const refused = await seeded.api.request('/api/console/email-visits', asStaff(wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'x', sendAt: '2025-11-22T11:00' }))
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.issues[0].path).toBe('sendAt')
    expect(await db().selectFrom('outbox').select('id').where('kind', '=', 'email_visit').execute()).toHaveLength(0)
    // NOW is 11:00 in Shanghai: 10:55 was a moment ago, so the visit goes at once.
    const visit = await send(wang, { building: JIN_MAO, sendAt: '2026-11-22T10:55' })
    expect(visit.sendAt).toBe(NOW.toISOString())
  })

  it('the same scheduling form sent twice (Back, then Schedule again) schedules one visit and says the second time that it is already scheduled', async () => {
    const visitId = randomUUID()
    const first = await send(wang, { building: JIN_MAO, visitId })
    expect(first.id).toBe(visitId)
    const again = await seeded.api.request('/api/console/email-visits', asStaff(wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'winter-2026', building: JIN_MAO, visitId }))
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('email_visit_already_scheduled')
    expect(await db().selectFrom('email_visits').select('id').where('id', '=', visitId).execute()).toHaveLength(1)
    expect(await db().selectFrom('outbox').select('recipient').where('kind', '=', 'email_visit').execute()).toHaveLength(first.queued)
    // another user cannot take over or probe a visit by its id either
    const other = await seeded.api.request('/api/console/email-visits', asStaff(marketing, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'winter-2026', building: JIN_MAO, visitId }))
    expect(other.status).toBe(409)
  })

  it('finds tenants by carrier however the sender spells it, as the tenant import does (联通, China Unicom, full-width, trailing spaces)', async () => {
    for (const carrier of ['中国联通', '联通', 'China Unicom', 'ｃｈｉｎａ　ｕｎｉｃｏｍ', ' 中国联通　']) {
      expect((await preview(wang, `building=${JIN_MAO}&carrier=${encodeURIComponent(carrier)}`)).tenants, carrier).toBe(2)
    }
  })

  it('a visit not yet sent can be cancelled by its sender: its mails are skipped, its recipients marked cancelled, and it is audited; another manager cannot, and a visit already sent has nothing to cancel', async () => {
    const cancel = (cookie: string, id: string) => seeded.api.request(`/api/console/email-visits/${id}/cancel`, asStaff(cookie, 'POST', {}))
    const visit = await send(wang, { building: JIN_MAO, sendAt: '2026-11-23T09:30' })
    expect(visit.queued).toBe(2)
    expect((await cancel(li, visit.id)).status).toBe(404)
    expect((await cancel(wang, randomUUID())).status).toBe(404)
    const cancelled = await cancel(wang, visit.id)
    expect(cancelled.status, await cancelled.clone().text()).toBe(200)
    expect(await cancelled.json()).toMatchObject({ cancelled: 2 })
    expect(await deliverAll(new Date('2026-11-24T00:00:00.000Z'))).toHaveLength(0)
    expect((await db().selectFrom('outbox').select(['status', 'last_error']).where('kind', '=', 'email_visit').execute()).map((row) => row.status)).toEqual(['skipped', 'skipped'])
    expect((await recipients(visit.id)).map((row) => row.status).sort()).toEqual(['skipped_cancelled', 'skipped_cancelled', 'skipped_no_email'])
    const [audit] = (await auditOf(db(), { kind: 'email_visit', id: visit.id })).filter((entry) => entry.action === 'email_visit.cancelled')
    expect(audit).toMatchObject({ after: { cancelled: 2 } })
    const listed = (await visitList(wang)).find((entry) => entry.id === visit.id)!
    expect(listed).toMatchObject({ queued: 0, cancelled: 2, skipped: 3 })
    const again = await cancel(wang, visit.id)
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('email_visit_not_cancellable')

    // Marketing may cancel any visit; once its mails are out there is nothing left to cancel.
    const sent = await send(wang, { building: PLAZA })
    await deliverAll(NOW)
    expect((await cancel(marketing, sent.id)).status).toBe(409)
  })

  it('keeps the campaign tag as typed, in the campaigns’ own format, so a campaign tagged Spring-EN or q4.search counts the visit’s clicks', async () => {
    for (const tag of ['Spring-EN', 'q4.search']) {
      const visit = await send(wang, { building: PLAZA, utmCampaign: tag })
      const [delta] = await recipients(visit.id)
      const click = await seeded.api.request(`/api/email-visits/go/${delta.token}/bb-express`)
      expect(new URL(click.headers.get('location')!, 'http://storefront.test').searchParams.get('utm_campaign')).toBe(tag)
    }
  })

  it('a visit’s campaign tag is counted as a campaign of its own from scheduling: the landing views of its clicks are not lost under (other) before marketing creates the campaign', async () => {
    const tag = `visit-${randomUUID().slice(0, 8)}`
    const land = () => countLandingView(seeded.database.db, { path: '/bundles/bb-express', attribution: { utm_source: 'email_visit', utm_medium: 'email', utm_campaign: tag, utm_term: 'bb-express' }, at: NOW })
    await land()
    await send(wang, { building: PLAZA, utmCampaign: tag })
    await land()
    const counted = await seeded.database.db.selectFrom('landing_views').select(['utm_campaign', 'utm_term', 'views']).where('path', '=', '/bundles/bb-express').where('utm_campaign', 'in', [tag, OTHER_CAMPAIGN]).execute()
    expect(counted.filter((row) => row.utm_campaign === tag)).toEqual([{ utm_campaign: tag, utm_term: 'bb-express', views: 1 }])
  })

  it('one-click unsubscribe (a POST from any origin) is honoured for every later send, and at delivery for one already scheduled; opening the link changes nothing', async () => {
    const first = await send(wang, { building: JIN_MAO })
    const [alpha, beta] = (await recipients(first.id)).filter((row) => row.email)
    // a link scanner fetching the address unsubscribes nobody
    const fetched = await seeded.api.request(`/api/email-visits/unsubscribe/${alpha.token}`)
    expect(fetched.status).toBe(303)
    expect(fetched.headers.get('location')).toBe(`/unsubscribe/${alpha.token}`)
    expect(await db().selectFrom('email_suppressions').selectAll().where('email', '=', alpha.email!).execute()).toHaveLength(0)

    const oneClick = () =>
      seeded.api.request(`/api/email-visits/unsubscribe/${alpha.token}`, {
        method: 'POST',
        headers: { origin: 'https://mail.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
    expect((await oneClick()).status).toBe(200)
    expect((await oneClick()).status).toBe(200)
    expect((await seeded.api.request('/api/email-visits/unsubscribe/no-such-token-at-all-here', { method: 'POST' })).status).toBe(404)

    // the mail already scheduled is skipped at delivery
    const delivered = await deliverAll(NOW)
    expect(delivered.map((mail) => mail.recipient)).toEqual([beta.email])
    expect((await recipients(first.id)).find((row) => row.id === alpha.id)!.status).toBe('skipped_unsubscribed')

    // a later visit does not even queue it, whatever the address's case
    await db().updateTable('tenants').set({ email: alpha.email!.toUpperCase() }).where('email', '=', alpha.email!).execute()
    const second = await send(wang, { building: JIN_MAO })
    expect(second).toMatchObject({ recipients: 3, queued: 1, skipped: 2 })
    expect((await preview(wang, `building=${JIN_MAO}`)).unsubscribed).toBe(1)
    const mails = await db().selectFrom('outbox').select('recipient').where('kind', '=', 'email_visit').where('status', '=', 'pending').execute()
    expect(mails.map((mail) => mail.recipient)).toEqual([beta.email])
    await db().updateTable('tenants').set({ email: alpha.email! }).where('email', '=', alpha.email!.toUpperCase()).execute()
  })

  it('counts clicks through first-party links that go only to the visit’s bundles, with utm tags and a 30-day visit cookie', async () => {
    const visit = await send(wang, { building: PLAZA, offerings: ['bb-express', 'fixed-broadband'], utmCampaign: 'plaza-nov' })
    const [delta] = await recipients(visit.id)
    for (const path of [`/api/email-visits/go/${delta.token}/evergreen-winback`, `/api/email-visits/go/${delta.token}/fixed-mobile`, `/api/email-visits/go/${delta.token}/https:%2F%2Fevil.example`, '/api/email-visits/go/not-a-token-of-ours-xx/bb-express']) {
      const refused = await seeded.api.request(path)
      expect(refused.status, path).toBe(404)
      expect(refused.headers.get('set-cookie')).toBeNull()
    }
    expect((await recipients(visit.id))[0].clicks).toBe(0)
    // A link scanner asking with HEAD is sent on but is no click, and gets no visit cookie.
    const scanned = await seeded.api.request(`/api/email-visits/go/${delta.token}/fixed-broadband`, { method: 'HEAD' })
    expect(scanned.status).toBe(302)
    expect(scanned.headers.get('set-cookie')).toBeNull()
    expect((await recipients(visit.id))[0]).toMatchObject({ clicks: 0, first_clicked_at: null })

    const click = await seeded.api.request(`/api/email-visits/go/${delta.token}/fixed-broadband`)
    expect(click.status).toBe(302)
    const location = new URL(click.headers.get('location')!, 'http://storefront.test')
    expect(location.pathname).toBe('/bundles/fixed-broadband')
    expect(Object.fromEntries(location.searchParams)).toEqual({ utm_source: 'email_visit', utm_medium: 'email', utm_campaign: 'plaza-nov', utm_term: 'fixed-broadband', utm_content: visit.id })
    const cookie = click.headers.get('set-cookie')!
    expect(cookie).toContain(`sf_visit=${delta.token}`)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Max-Age=2592000/)
    await seeded.api.request(`/api/email-visits/go/${delta.token}/bb-express`)
    const clicked = (await recipients(visit.id))[0]
    expect(clicked.clicks).toBe(2)
    expect(clicked.first_clicked_at).toBe(NOW.toISOString())
  })

  it('attributes a lead and an order made after a click to the visit; none without the cookie or with a made-up one', async () => {
    const visit = await send(wang, { building: PLAZA, utmCampaign: 'attribution' })
    const [delta] = await recipients(visit.id)
    await seeded.api.request(`/api/email-visits/go/${delta.token}/bb-express`)
    const withCookie = (cookie: string | null, init: RequestInit) => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } })

    const lead = (cookie: string | null) =>
      seeded.api.request(
        '/api/leads',
        withCookie(cookie, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ company: '上海丁设计有限公司', contact: { name: '丁一', mobile: '13700001111' }, buildingId: PLAZA, source: 'callback', lang: 'zh' }) }),
      )
    const leadOf = async (response: Response) => {
      expect(response.status, await response.clone().text()).toBe(201)
      const { id } = (await response.json()) as { id: string }
      return (await db().selectFrom('leads').select('email_visit_recipient_id').where('id', '=', id).executeTakeFirstOrThrow()).email_visit_recipient_id
    }
    expect(await leadOf(await lead(`sf_visit=${delta.token}`))).toBe(delta.id)
    expect(await leadOf(await lead(null))).toBeNull()
    expect(await leadOf(await lead('sf_visit=AAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).toBeNull()

    const order = async (cookie: string | null) => {
      const quote = await createQuote(seeded.api)
      const body = orderBody(quote.id, { site: { buildingId: PLAZA, floor: '5', unit: '501' } })
      const verification = await verifyEmail(seeded.api, body.contact.email)
      const response = await seeded.api.request(
        '/api/orders',
        withCookie(cookie, { method: 'POST', headers: { 'content-type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify({ ...body, verification }) }),
      )
      expect(response.status, await response.clone().text()).toBe(201)
      const { id } = (await response.json()) as { id: string }
      return (await db().selectFrom('orders').select('email_visit_recipient_id').where('id', '=', id).executeTakeFirstOrThrow()).email_visit_recipient_id
    }
    expect(await order(`sf_visit=${delta.token}`)).toBe(delta.id)
    expect(await order(null)).toBeNull()

    const summary = (await visitList(wang)).find((entry) => entry.id === visit.id)!
    expect(summary).toMatchObject({ recipients: 1, clicked: 1, clicks: 1, leads: 1, orders: 1 })

    // One visit's recipients, each with what became of their mail, their clicks, leads and orders.
    const detail = await get(wang, `/api/console/email-visits/${visit.id}`)
    expect(detail.status).toBe(200)
    const { visit: shown, recipients: listed } = (await detail.json()) as { visit: Summary; recipients: Record<string, unknown>[] }
    expect(shown).toMatchObject({ id: visit.id, utm_campaign: 'attribution', orders: 1 })
    expect(listed).toEqual([{ id: delta.id, company: '上海丁设计有限公司', email: address('delta'), status: 'queued', sentAt: null, clicks: 1, firstClickedAt: NOW.toISOString(), leads: 1, orders: 1 }])
    expect(listed[0]).not.toHaveProperty('token')
    expect((await get(li, `/api/console/email-visits/${visit.id}`)).status).toBe(404)
    expect((await get(marketing, `/api/console/email-visits/${visit.id}`)).status).toBe(200)
  })
})
