import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { EmailVisitSummary as Summary } from '../../server/repositories/email-visits-repository'
import { createQuote, orderBody, verifyEmail } from '../support/orders'
import { JIN_MAO, NOW, PLAZA, useEmailVisitFixture } from '../support/email-visits'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('answers to e-mail visits on %s', (kind) => {
  const { seeded, db, staff, address, get, preview, send, recipients, visitList, deliverAll } = useEmailVisitFixture(kind)

  it('one-click unsubscribe (a POST from any origin) is honoured for every later send, and at delivery for one already scheduled; opening the link changes nothing', async () => {
    const first = await send(staff.wang, { building: JIN_MAO })
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
    const second = await send(staff.wang, { building: JIN_MAO })
    expect(second).toMatchObject({ recipients: 3, queued: 1, skipped: 2 })
    expect((await preview(staff.wang, `building=${JIN_MAO}`)).unsubscribed).toBe(1)
    const mails = await db().selectFrom('outbox').select('recipient').where('kind', '=', 'email_visit').where('status', '=', 'pending').execute()
    expect(mails.map((mail) => mail.recipient)).toEqual([beta.email])
    await db().updateTable('tenants').set({ email: alpha.email! }).where('email', '=', alpha.email!.toUpperCase()).execute()
  })

  it('counts clicks through first-party links that go only to the visit’s bundles, with utm tags and a 30-day visit cookie', async () => {
    const visit = await send(staff.wang, { building: PLAZA, offerings: ['bb-express', 'fixed-broadband'], utmCampaign: 'plaza-nov' })
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
    const visit = await send(staff.wang, { building: PLAZA, utmCampaign: 'attribution' })
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

    const summary = (await visitList(staff.wang)).find((entry) => entry.id === visit.id)!
    expect(summary).toMatchObject({ recipients: 1, clicked: 1, clicks: 1, leads: 1, orders: 1 })

    // One visit's recipients, each with what became of their mail, their clicks, leads and orders.
    const detail = await get(staff.wang, `/api/console/email-visits/${visit.id}`)
    expect(detail.status).toBe(200)
    const { visit: shown, recipients: listed } = (await detail.json()) as { visit: Summary; recipients: Record<string, unknown>[] }
    expect(shown).toMatchObject({ id: visit.id, utm_campaign: 'attribution', orders: 1 })
    expect(listed).toEqual([{ id: delta.id, company: '上海丁设计有限公司', email: address('delta'), status: 'queued', sentAt: null, clicks: 1, firstClickedAt: NOW.toISOString(), leads: 1, orders: 1 }])
    expect(listed[0]).not.toHaveProperty('token')
    expect((await get(staff.li, `/api/console/email-visits/${visit.id}`)).status).toBe(404)
    expect((await get(staff.marketing, `/api/console/email-visits/${visit.id}`)).status).toBe(200)
  })
})
