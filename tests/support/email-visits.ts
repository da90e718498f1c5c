import { randomUUID } from 'node:crypto'
import { beforeAll, beforeEach, expect } from 'vitest'
import type { DatabaseKind } from '../../db/connect'
import type { EmailVisitSummary as Summary } from '../../server/repositories/email-visits-repository'
import { deliverDueMessages, type OutgoingEmail } from '../../server/notifications/outbox-worker'
import { asStaff, createStaff, signIn } from './staff'
import { creditCode } from './tenants'
import { useSeededApi } from './test-api'

/** Jin Mao Tower and Lujiazui Business Plaza are Wang Jing's (Lujiazui); Li has Jing'an's buildings. */
export const JIN_MAO = 'bld-jinmao-tower'
export const PLAZA = 'bld-lujiazui-business-plaza'
export const NOW = new Date('2026-11-22T03:00:00.000Z')

interface Preview {
  tenants: number
  mailable: number
  noEmail: number
  unsubscribed: number
  sample: { to: string; subject: string; text: string; html: string } | null
}

/**
 * E-mail visits' tests on one database: staff of two managers' buildings and marketing (signed in
 * afresh before each test, the outbox emptied), five tenants (one without an address, one in Li's
 * building, one with an open lead) and helpers to preview, schedule and deliver visits.
 */
export function useEmailVisitFixture(kind: DatabaseKind) {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  const emails = { wang: '', li: '', marketing: '' }
  const staff = { wang: '', li: '', marketing: '' }
  let liBuilding = ''
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
    staff.wang = await signIn(seeded.api, emails.wang)
    staff.li = await signIn(seeded.api, emails.li)
    staff.marketing = await signIn(seeded.api, emails.marketing)
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

  return { seeded, db, staff, liBuilding: () => liBuilding, address, tenant, get, preview, send, recipients, visitList, deliverAll }
}
