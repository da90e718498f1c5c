import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import { countLandingView, OTHER_CAMPAIGN } from '../../server/repositories/landing-views-repository'
import { asStaff, createStaff, signIn } from '../support/staff'
import { JIN_MAO, NOW, PLAZA, useEmailVisitFixture } from '../support/email-visits'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('console e-mail visits on %s', (kind) => {
  const { seeded, db, staff, liBuilding, address, tenant, get, preview, send, recipients, visitList, deliverAll } = useEmailVisitFixture(kind)

  it('a manager picks and mails only their own buildings’ tenants: another manager’s building is not found, their visits not listed', async () => {
    const all = await preview(staff.wang, '')
    expect(all.tenants).toBe(4)
    expect(all).toMatchObject({ mailable: 3, noEmail: 1, unsubscribed: 0 })
    const refused = await get(staff.wang, `/api/console/email-visits/preview?building=${liBuilding()}`)
    expect(refused.status).toBe(404)
    expect((await seeded.api.request('/api/console/email-visits', asStaff(staff.wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'x', building: liBuilding() }))).status).toBe(404)

    const visit = await send(staff.wang, {})
    const rows = await recipients(visit.id)
    expect(rows.map((row) => row.building_id).sort()).toEqual([JIN_MAO, JIN_MAO, JIN_MAO, PLAZA])
    expect(rows.some((row) => row.email === address('epsilon'))).toBe(false)
    expect((await visitList(staff.wang)).map((entry) => entry.id)).toContain(visit.id)
    expect((await visitList(staff.li)).map((entry) => entry.id)).not.toContain(visit.id)
    expect((await visitList(staff.marketing)).map((entry) => entry.id)).toContain(visit.id)
    // marketing reaches every building's tenants
    expect((await preview(staff.marketing, `building=${liBuilding()}`)).tenants).toBeGreaterThanOrEqual(1)
    // a role without the section is refused
    const ops = await signIn(seeded.api, (await createStaff(seeded.api, ['ops'])).email)
    expect((await get(ops, '/api/console/email-visits')).status).toBe(403)
  })

  it('filters by building, staff size, carrier and the company’s lead state', async () => {
    const companies = async (query: string) => {
      const visit = await send(staff.marketing, Object.fromEntries(new URLSearchParams(query)))
      return (await recipients(visit.id)).map((row) => row.company)
    }
    expect((await preview(staff.wang, `building=${PLAZA}`)).tenants).toBe(1)
    expect(await companies(`building=${JIN_MAO}&sizeMax=50&carrier=中国联通`)).toEqual(['上海丙咨询有限公司', '上海甲科技有限公司'].sort())
    expect(await companies(`building=${JIN_MAO}&sizeMin=100`)).toEqual(['上海乙贸易有限公司'])
    expect(await companies(`building=${JIN_MAO}&leadState=open`)).toEqual(['上海乙贸易有限公司'])
    expect((await companies(`building=${JIN_MAO}&leadState=none`)).sort()).toEqual(['上海丙咨询有限公司', '上海甲科技有限公司'].sort())
    expect((await preview(staff.wang, `building=${JIN_MAO}&leadState=won`)).tenants).toBe(0)
    expect((await get(staff.wang, '/api/console/email-visits/preview?sizeMin=50&sizeMax=10')).status).toBe(400)
  })

  it('schedules one mail per address at the send time on the lowest lane, with the tenant’s manager, bundles and from-prices; a preview shows one', async () => {
    const sample = (await preview(staff.wang, `building=${JIN_MAO}&template=savings&offerings=bb-express&offerings=fixed-broadband&lang=en`)).sample!
    expect(sample.subject).toContain('上海')
    expect(sample.text).toContain('Wang Jing')
    expect(sample.text).toMatch(/from ¥[\d,.]+ a month/)

    const visit = await send(staff.wang, { building: JIN_MAO, sendAt: '2026-11-23T09:30', lang: 'en', offerings: ['bb-express', 'fixed-broadband'] })
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
    await db().insertInto('tenants').values(tenant('t6', liBuilding(), '静安己公司', address('epsilon').toUpperCase(), 10, null, null)).execute()
    expect(await preview(staff.marketing, `building=${liBuilding()}`)).toMatchObject({ tenants: 2, mailable: 1, noEmail: 1 })
    const visit = await send(staff.marketing, { building: liBuilding() })
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
      const response = await seeded.api.request('/api/console/email-visits', asStaff(staff.wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'x', ...overrides }))
      expect(response.status, JSON.stringify(overrides)).toBe(400)
      expect((await response.json()).error.issues[0].path).toBe(field)
    }
  })

  it('a send time in the past is refused (a mistyped year mails nobody at once); a few minutes back still means at once', async () => {
    const refused = await seeded.api.request('/api/console/email-visits', asStaff(staff.wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'x', sendAt: '2025-11-22T11:00' }))
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.issues[0].path).toBe('sendAt')
    expect(await db().selectFrom('outbox').select('id').where('kind', '=', 'email_visit').execute()).toHaveLength(0)
    // NOW is 11:00 in Shanghai: 10:55 was a moment ago, so the visit goes at once.
    const visit = await send(staff.wang, { building: JIN_MAO, sendAt: '2026-11-22T10:55' })
    expect(visit.sendAt).toBe(NOW.toISOString())
  })

  it('the same scheduling form sent twice (Back, then Schedule again) schedules one visit and says the second time that it is already scheduled', async () => {
    const visitId = randomUUID()
    const first = await send(staff.wang, { building: JIN_MAO, visitId })
    expect(first.id).toBe(visitId)
    const again = await seeded.api.request('/api/console/email-visits', asStaff(staff.wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'winter-2026', building: JIN_MAO, visitId }))
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('email_visit_already_scheduled')
    expect(await db().selectFrom('email_visits').select('id').where('id', '=', visitId).execute()).toHaveLength(1)
    expect(await db().selectFrom('outbox').select('recipient').where('kind', '=', 'email_visit').execute()).toHaveLength(first.queued)
    // another user cannot take over or probe a visit by its id either
    const other = await seeded.api.request('/api/console/email-visits', asStaff(staff.marketing, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'winter-2026', building: JIN_MAO, visitId }))
    expect(other.status).toBe(409)
  })

  it('finds tenants by carrier however the sender spells it, as the tenant import does (联通, China Unicom, full-width, trailing spaces)', async () => {
    for (const carrier of ['中国联通', '联通', 'China Unicom', 'ｃｈｉｎａ　ｕｎｉｃｏｍ', ' 中国联通　']) {
      expect((await preview(staff.wang, `building=${JIN_MAO}&carrier=${encodeURIComponent(carrier)}`)).tenants, carrier).toBe(2)
    }
  })

  it('a visit not yet sent can be cancelled by its sender: its mails are skipped, its recipients marked cancelled, and it is audited; another manager cannot, and a visit already sent has nothing to cancel', async () => {
    const cancel = (cookie: string, id: string) => seeded.api.request(`/api/console/email-visits/${id}/cancel`, asStaff(cookie, 'POST', {}))
    const visit = await send(staff.wang, { building: JIN_MAO, sendAt: '2026-11-23T09:30' })
    expect(visit.queued).toBe(2)
    expect((await cancel(staff.li, visit.id)).status).toBe(404)
    expect((await cancel(staff.wang, randomUUID())).status).toBe(404)
    const cancelled = await cancel(staff.wang, visit.id)
    expect(cancelled.status, await cancelled.clone().text()).toBe(200)
    expect(await cancelled.json()).toMatchObject({ cancelled: 2 })
    expect(await deliverAll(new Date('2026-11-24T00:00:00.000Z'))).toHaveLength(0)
    expect((await db().selectFrom('outbox').select(['status', 'last_error']).where('kind', '=', 'email_visit').execute()).map((row) => row.status)).toEqual(['skipped', 'skipped'])
    expect((await recipients(visit.id)).map((row) => row.status).sort()).toEqual(['skipped_cancelled', 'skipped_cancelled', 'skipped_no_email'])
    const [audit] = (await auditOf(db(), { kind: 'email_visit', id: visit.id })).filter((entry) => entry.action === 'email_visit.cancelled')
    expect(audit).toMatchObject({ after: { cancelled: 2 } })
    const listed = (await visitList(staff.wang)).find((entry) => entry.id === visit.id)!
    expect(listed).toMatchObject({ queued: 0, cancelled: 2, skipped: 3 })
    const again = await cancel(staff.wang, visit.id)
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('email_visit_not_cancellable')

    // Marketing may cancel any visit; once its mails are out there is nothing left to cancel.
    const sent = await send(staff.wang, { building: PLAZA })
    await deliverAll(NOW)
    expect((await cancel(staff.marketing, sent.id)).status).toBe(409)
  })

  it('keeps the campaign tag as typed, in the campaigns’ own format, so a campaign tagged Spring-EN or q4.search counts the visit’s clicks', async () => {
    for (const tag of ['Spring-EN', 'q4.search']) {
      const visit = await send(staff.wang, { building: PLAZA, utmCampaign: tag })
      const [delta] = await recipients(visit.id)
      const click = await seeded.api.request(`/api/email-visits/go/${delta.token}/bb-express`)
      expect(new URL(click.headers.get('location')!, 'http://storefront.test').searchParams.get('utm_campaign')).toBe(tag)
    }
  })

  it('a visit’s campaign tag is counted as a campaign of its own from scheduling: the landing views of its clicks are not lost under (other) before marketing creates the campaign', async () => {
    const tag = `visit-${randomUUID().slice(0, 8)}`
    const land = () => countLandingView(seeded.database.db, { path: '/bundles/bb-express', attribution: { utm_source: 'email_visit', utm_medium: 'email', utm_campaign: tag, utm_term: 'bb-express' }, at: NOW })
    await land()
    await send(staff.wang, { building: PLAZA, utmCampaign: tag })
    await land()
    const counted = await seeded.database.db.selectFrom('landing_views').select(['utm_campaign', 'utm_term', 'views']).where('path', '=', '/bundles/bb-express').where('utm_campaign', 'in', [tag, OTHER_CAMPAIGN]).execute()
    expect(counted.filter((row) => row.utm_campaign === tag)).toEqual([{ utm_campaign: tag, utm_term: 'bb-express', views: 1 }])
  })

})
