import { beforeAll, describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import { findLead } from '../../server/repositories/leads-repository'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

// Jin Mao Tower is one of Wang Jing's Lujiazui buildings; Liu Yang's are in Changning.
const SUNDAY = new Date('2026-11-22T03:00:00.000Z')

let mobiles = 0
/** A fresh mainland mobile per lead, so no order of another test matches it. */
const freshMobile = () => `1390000${String(++mobiles).padStart(4, '0')}`

describe.each(databaseKinds)('leads in the console on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let wang: { id: string; email: string }
  let liu: { email: string }
  let marketing: { email: string }
  let ops: { id: string; email: string }

  beforeAll(async () => {
    wang = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
    liu = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-changning-liu' })
    marketing = await createStaff(seeded.api, ['marketing'])
    ops = await createStaff(seeded.api, ['ops'])
  })

  async function newLead(buildingId = 'bld-jinmao-tower', mobile = freshMobile()): Promise<string> {
    seeded.api.setNow(SUNDAY)
    const response = await seeded.api.postJson('/api/leads', { company: '上海示例科技有限公司', contact: { name: '韩梅梅', mobile }, buildingId, note: '下午方便' })
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  async function placeOrder(mobile = '13812345678') {
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id, { contact: { name: '李雷', mobile, email: 'li.lei@example.com' } }))
    expect(response.status).toBe(201)
    return (await response.json()) as { number: string; id: string }
  }
  const post = (cookie: string, path: string, body: unknown = {}) => seeded.api.request(path, asStaff(cookie, 'POST', body))
  const get = (cookie: string, path: string) => seeded.api.request(path, asStaff(cookie))
  const status = async (id: string) => (await findLead(db(), id))!.status
  const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string; issues?: { path: string }[] } }).error })

  it('lets a manager work a lead from new to won, with notes and a follow-up date, every step audited', async () => {
    const id = await newLead()
    const order = await placeOrder()
    const cookie = await signIn(seeded.api, wang.email)
    expect((await post(cookie, `/api/console/leads/${id}/contact`)).status).toBe(200)
    expect((await post(cookie, `/api/console/leads/${id}/notes`, { note: '已致电，客户想了解商务常青计划\n周三上门' })).status).toBe(200)
    expect((await post(cookie, `/api/console/leads/${id}/follow-up`, { followUpOn: '2026-11-25' })).status).toBe(200)
    expect((await post(cookie, `/api/console/leads/${id}/qualify`)).status).toBe(200)
    const won = await post(cookie, `/api/console/leads/${id}/won`, { orderNumber: ` ${order.number.toLowerCase().replace('-', '')} ` })
    expect(won.status).toBe(200)
    expect(await won.json()).toEqual({ id, status: 'won' })

    const detail = await (await get(cookie, `/api/console/leads/${id}`)).json()
    expect(detail.lead).toMatchObject({ status: 'won', order_id: order.id, follow_up_on: null })
    expect(detail.order).toEqual({ number: order.number, status: 'awaiting_transfer' })
    expect(detail.notes).toEqual([expect.objectContaining({ body: '已致电，客户想了解商务常青计划\n周三上门', author_id: wang.id, author_name: 'Test manager' })])
    expect(detail.commands).toEqual([])
    expect(detail.respondBy).toBeNull()
    const audit = await auditOf(db(), { kind: 'lead', id })
    expect(audit.map((row) => `${row.actor.kind} ${row.actor.id} ${row.action}`).sort()).toEqual(
      ['add_note', 'contact', 'mark_won', 'qualify', 'set_follow_up'].map((action) => `staff ${wang.id} ${action}`),
    )
    expect(audit.find((row) => row.action === 'mark_won')).toMatchObject({ before: { status: 'qualified' }, after: { status: 'won', orderNumber: order.number } })
    expect(audit.find((row) => row.action === 'set_follow_up')).toMatchObject({ before: { followUpOn: null }, after: { followUpOn: '2026-11-25' } })
  })

  it('refuses every command the transition table does not list, and leaves the lead as it was', async () => {
    const cookie = await signIn(seeded.api, wang.email)
    const id = await newLead()
    // new → qualified skips contacting.
    expect(await refusal(await post(cookie, `/api/console/leads/${id}/qualify`))).toMatchObject({ status: 400, code: 'invalid_request', issues: [{ path: 'lead' }] })
    expect(await status(id)).toBe('new')
    expect((await post(cookie, `/api/console/leads/${id}/contact`)).status).toBe(200)
    expect((await post(cookie, `/api/console/leads/${id}/contact`)).status).toBe(400)
    // Lost needs a reason from the list.
    expect((await post(cookie, `/api/console/leads/${id}/lost`, {})).status).toBe(400)
    expect((await post(cookie, `/api/console/leads/${id}/lost`, { reason: 'bored' })).status).toBe(400)
    expect(await status(id)).toBe('contacted')
    expect((await post(cookie, `/api/console/leads/${id}/lost`, { reason: 'competitor_contract', note: '与其他运营商签约至 2027 年' })).status).toBe(200)
    expect(await findLead(db(), id)).toMatchObject({ status: 'lost', lost_reason: 'competitor_contract', lost_note: '与其他运营商签约至 2027 年' })
    // A lost lead is closed: no move, no note, no follow-up.
    for (const [command, body] of [
      ['contact', {}],
      ['qualify', {}],
      ['won', { orderNumber: 'SO000000-XXXXXX' }],
      ['lost', { reason: 'price' }],
      ['notes', { note: 'still here' }],
      ['follow-up', { followUpOn: '2026-12-01' }],
    ] as const) {
      expect(await refusal(await post(cookie, `/api/console/leads/${id}/${command}`, body)), command).toMatchObject({ status: 400, issues: [{ path: 'lead' }] })
    }
    expect(await status(id)).toBe('lost')
    expect((await auditOf(db(), { kind: 'lead', id })).map((row) => row.action).sort()).toEqual(['contact', 'mark_lost'])
  })

  it('refuses a follow-up date that has passed, a blank note and an order that cannot win the lead', async () => {
    const cookie = await signIn(seeded.api, wang.email)
    const id = await newLead()
    expect(await refusal(await post(cookie, `/api/console/leads/${id}/follow-up`, { followUpOn: '2026-11-21' }))).toMatchObject({ status: 400, issues: [{ path: 'followUpOn' }] })
    expect((await post(cookie, `/api/console/leads/${id}/follow-up`, { followUpOn: '2026-11-22' })).status).toBe(200)
    expect((await post(cookie, `/api/console/leads/${id}/follow-up`, { followUpOn: '' })).status).toBe(200)
    expect((await findLead(db(), id))!.follow_up_on).toBeNull()
    expect((await post(cookie, `/api/console/leads/${id}/notes`, { note: '   ' })).status).toBe(400)
    expect(await refusal(await post(cookie, `/api/console/leads/${id}/won`, { orderNumber: 'SO261122-NOSUCH' }))).toMatchObject({ status: 400, issues: [{ path: 'orderNumber' }] })
    // An order in Liu's building is not Wang's to link: it is as unknown to her as a missing one.
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const elsewhere = await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: 'bld-hongqiao-nanfung', floor: '3', unit: '301' } }))
    expect(elsewhere.status).toBe(201)
    const { number } = (await elsewhere.json()) as { number: string }
    expect(await refusal(await post(cookie, `/api/console/leads/${id}/won`, { orderNumber: number }))).toMatchObject({ status: 400, issues: [{ path: 'orderNumber' }] })
    const opsCookie = await signIn(seeded.api, ops.email)
    expect((await post(opsCookie, `/api/console/orders/${number}/cancel`, { reason: 'the customer withdrew' })).status).toBe(200)
    expect(await refusal(await post(opsCookie, `/api/console/leads/${id}/won`, { orderNumber: number }))).toMatchObject({ status: 400, issues: [{ path: 'orderNumber' }] })
    expect(await status(id)).toBe('new')
  })

  it('shows a manager only their own buildings’ leads: another manager’s lead is 404 to read and to change', async () => {
    const id = await newLead()
    const outsider = await signIn(seeded.api, liu.email)
    const ids = async (cookie: string, query = '') => (await (await get(cookie, `/api/console/leads?limit=200${query}`)).json()).leads.map((lead: { id: string }) => lead.id)
    expect(await ids(outsider)).not.toContain(id)
    expect(await refusal(await get(outsider, `/api/console/leads/${id}`))).toMatchObject({ status: 404, code: 'lead_not_found' })
    for (const command of ['contact', 'qualify', 'notes', 'follow-up', 'lost', 'won']) {
      const body = { note: 'mine now', followUpOn: '2026-12-01', reason: 'price', orderNumber: 'SO261122-NOSUCH' }
      expect((await post(outsider, `/api/console/leads/${id}/${command}`, body)).status, command).toBe(404)
    }
    expect(await status(id)).toBe('new')
    expect((await findLead(db(), id))!.touched_at).toBeNull()

    const own = await signIn(seeded.api, wang.email)
    expect(await ids(own)).toContain(id)
    expect(await ids(own, '&building=bld-hongqiao-nanfung')).toEqual([])
    // Marketing sees every lead but works none; operations see and work all.
    const looker = await signIn(seeded.api, marketing.email)
    expect(await ids(looker)).toContain(id)
    expect((await get(looker, `/api/console/leads/${id}`)).status).toBe(200)
    expect((await post(looker, `/api/console/leads/${id}/contact`)).status).toBe(403)
    const opsCookie = await signIn(seeded.api, ops.email)
    expect((await post(opsCookie, `/api/console/leads/${id}/contact`)).status).toBe(200)
    expect(await status(id)).toBe('contacted')
  })

  it('filters by status and building and pages newest first by keyset', async () => {
    const first = await newLead('bld-shanghai-tower')
    seeded.api.setNow(new Date(SUNDAY.getTime() + 1000))
    const second = await seeded.api.postJson('/api/leads', { company: '上海乙公司', contact: { name: '王五', mobile: freshMobile() }, buildingId: 'bld-shanghai-tower' })
    const secondId = ((await second.json()) as { id: string }).id
    const cookie = await signIn(seeded.api, wang.email)
    expect((await post(cookie, `/api/console/leads/${first}/contact`)).status).toBe(200)

    const page = async (query: string) => (await get(cookie, `/api/console/leads?building=bld-shanghai-tower&${query}`)).json()
    const one = await page('limit=1')
    expect(one.leads.map((lead: { id: string }) => lead.id)).toEqual([secondId])
    const two = await page(`limit=1&after=${one.next}`)
    expect(two.leads.map((lead: { id: string }) => lead.id)).toEqual([first])
    expect(two.next).toBeNull()
    expect((await page('status=contacted')).leads.map((lead: { id: string }) => lead.id)).toEqual([first])
    expect((await page('status=new')).leads.map((lead: { id: string }) => lead.id)).toEqual([secondId])
    expect((await get(cookie, '/api/console/leads?status=closed')).status).toBe(400)
    expect((await get(cookie, '/api/console/leads?after=garbage')).status).toBe(400)
  })
})
