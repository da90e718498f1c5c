import { beforeAll, describe, expect, it } from 'vitest'
import { OPERATIONS_ADDRESS } from '../../server/notifications/messages'
import { auditOf } from '../../server/repositories/audit-repository'
import { findLead } from '../../server/repositories/leads-repository'
import { runLeadDuties } from '../../server/services/leads-job'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

// Monday 2026-11-23, 10:00 in Shanghai. Working hours are 09:00–18:00, Monday to Friday.
const MONDAY_10 = new Date('2026-11-23T02:00:00.000Z')
const at = (iso: string) => new Date(iso)
const PUDONG_LEAD = { id: 'mgr-pudong-lead', email: 'zhou.min@example-telecom.cn' }

describe.each(databaseKinds)('the lead response SLA, with the clock run forward, on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let wang: { email: string }
  let mobiles = 0

  beforeAll(async () => {
    wang = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
    // Pudong's district lead: a building manager of the district, flagged as its lead. Changning has none.
    await db()
      .insertInto('building_managers')
      .values({ id: PUDONG_LEAD.id, name: '周敏', name_en: 'Zhou Min', phone: '13900009999', email: PUDONG_LEAD.email, district: 'pudong', district_lead: 1 })
      .execute()
  })

  async function newLead(when: Date, buildingId = 'bld-jinmao-tower'): Promise<string> {
    seeded.api.setNow(when)
    const mobile = `1370000${String(++mobiles).padStart(4, '0')}`
    const response = await seeded.api.postJson('/api/leads', { company: '<b>上海示例</b>科技有限公司', contact: { name: '韩梅梅', mobile }, buildingId })
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  /** Runs the job at `when`; answers the ids of the leads escalated so far, with their mail. */
  async function runAt(when: Date) {
    seeded.api.setNow(when)
    await runLeadDuties(seeded.api.services)
  }
  const escalationMails = async (id: string) =>
    (await db().selectFrom('outbox').select(['recipient', 'payload_json', 'lang']).where('kind', '=', 'lead_escalated').execute()).filter((mail) => JSON.parse(mail.payload_json).leadUrl.endsWith(id))
  const listed = async (when: Date, query: string) => {
    seeded.api.setNow(when)
    const cookie = await signIn(seeded.api, wang.email)
    return ((await (await seeded.api.request(`/api/console/leads?limit=200&${query}`, asStaff(cookie))).json()) as { leads: { id: string; late: boolean }[] }).leads
  }

  it('flags an untouched new lead late after 4 working hours and escalates it to the district lead after a working day, once', async () => {
    const id = await newLead(MONDAY_10)
    expect((await listed(at('2026-11-23T05:59:00Z'), 'late=1')).map((lead) => lead.id)).not.toContain(id)
    const late = await listed(at('2026-11-23T06:00:00Z'), 'late=1')
    expect(late.find((lead) => lead.id === id)).toMatchObject({ late: true })

    // 9 working hours: Monday 10:00–18:00 and Tuesday 09:00–10:00.
    await runAt(at('2026-11-24T01:59:00Z'))
    expect(await escalationMails(id)).toEqual([])
    await runAt(at('2026-11-24T02:00:00Z'))
    const [mail, ...more] = await escalationMails(id)
    expect(more).toEqual([])
    expect(mail.recipient).toBe(PUDONG_LEAD.email)
    expect(JSON.parse(mail.payload_json)).toMatchObject({ company: '<b>上海示例</b>科技有限公司', buildingName: '金茂大厦', managerName: '王静', receivedAt: MONDAY_10.toISOString() })
    expect(await findLead(db(), id)).toMatchObject({ status: 'new', escalated_at: '2026-11-24T02:00:00.000Z', touched_at: null })
    expect((await auditOf(db(), { kind: 'lead', id })).map((row) => `${row.actor.kind} ${row.action}`)).toEqual(['system escalate'])

    // Again later, and a job in a second process at the same time: still one mail.
    await Promise.all([runAt(at('2026-11-25T02:00:00Z')), runLeadDuties(seeded.api.services)])
    expect(await escalationMails(id)).toHaveLength(1)
  })

  it('stops the clock as soon as staff touch the lead: a note is a response', async () => {
    const id = await newLead(MONDAY_10)
    seeded.api.setNow(at('2026-11-23T03:00:00Z'))
    const cookie = await signIn(seeded.api, wang.email)
    expect((await seeded.api.request(`/api/console/leads/${id}/notes`, asStaff(cookie, 'POST', { note: '已发短信，约明天回电' }))).status).toBe(200)
    expect((await listed(at('2026-11-23T08:00:00Z'), 'late=1')).map((lead) => lead.id)).not.toContain(id)
    await runAt(at('2026-11-24T03:00:00Z'))
    expect(await escalationMails(id)).toEqual([])
    expect((await findLead(db(), id))!.status).toBe('new')
  })

  it('counts only working hours: a lead on Friday evening is late on Monday at 13:00', async () => {
    const id = await newLead(at('2026-11-27T11:00:00Z')) // Friday 19:00
    expect((await listed(at('2026-11-30T04:59:00Z'), 'late=1')).map((lead) => lead.id)).not.toContain(id)
    expect((await listed(at('2026-11-30T05:00:00Z'), 'late=1')).map((lead) => lead.id)).toContain(id)
    await runAt(at('2026-11-30T09:59:00Z'))
    expect(await escalationMails(id)).toEqual([])
    await runAt(at('2026-11-30T10:00:00Z')) // Monday 18:00: the whole working day has passed
    expect(await escalationMails(id)).toHaveLength(1)
  })

  it('escalates to operations where the district has no lead, and leaves a backlog from before the SLA alone', async () => {
    const changning = await newLead(MONDAY_10, 'bld-hongqiao-nanfung')
    await runAt(at('2026-11-24T02:00:00Z'))
    expect((await escalationMails(changning)).map((mail) => mail.recipient)).toEqual([OPERATIONS_ADDRESS])

    const old = await newLead(at('2026-11-02T02:00:00Z'))
    await runAt(at('2026-11-24T02:00:00Z'))
    expect(await escalationMails(old)).toEqual([])
    expect((await listed(at('2026-11-24T02:00:00Z'), 'late=1')).find((lead) => lead.id === old)).toMatchObject({ late: true })
  })
})
