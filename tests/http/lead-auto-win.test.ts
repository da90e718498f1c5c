import { describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import { findLead } from '../../server/repositories/leads-repository'
import { createQuote, orderBody, postOrder, VALID_CREDIT_CODE } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const SUNDAY = new Date('2026-11-22T03:00:00.000Z')
/** Another published, valid credit code (Tencent Technology (Shenzhen) Co., Ltd.). */
const OTHER_CREDIT_CODE = '9144030071526726XG'

describe.each(databaseKinds)('a lead is won when its company orders, on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db

  async function newLead(buildingId: string, mobile: string, creditCode?: string): Promise<string> {
    seeded.api.setNow(SUNDAY)
    const response = await seeded.api.postJson('/api/leads', { company: '上海示例科技有限公司', contact: { name: '韩梅梅', mobile }, buildingId })
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: string }
    if (creditCode) await db().updateTable('leads').set({ credit_code: creditCode }).where('id', '=', id).execute()
    return id
  }
  async function order(buildingId: string, mobile: string, creditCode = OTHER_CREDIT_CODE) {
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const body = orderBody(quote.id, { company: { name: '上海示例科技有限公司', creditCode }, contact: { name: '李雷', mobile, email: 'li.lei@example.com' }, site: { buildingId, floor: '8', unit: '801' } })
    const response = await postOrder(seeded.api, body)
    expect(response.status).toBe(201)
    return (await response.json()) as { id: string; number: string }
  }

  it('links an open lead with the order’s contact mobile and moves it to won, audited as the system', async () => {
    const id = await newLead('bld-jinmao-tower', '13600000001')
    const cookie = await signIn(seeded.api, (await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })).email)
    expect((await seeded.api.request(`/api/console/leads/${id}/contact`, asStaff(cookie, 'POST', {}))).status).toBe(200)
    const placed = await order('bld-jinmao-tower', '13600000001')
    expect(await findLead(db(), id)).toMatchObject({ status: 'won', order_id: placed.id })
    const won = (await auditOf(db(), { kind: 'lead', id })).find((row) => row.action === 'mark_won')
    expect(won).toMatchObject({ actor: { kind: 'system', id: null }, before: { status: 'contacted' }, after: { status: 'won', orderNumber: placed.number, matchedBy: 'mobile' } })
    // A second order of the same company leaves the won lead with its first order.
    await order('bld-jinmao-tower', '13600000001')
    expect(await findLead(db(), id)).toMatchObject({ status: 'won', order_id: placed.id })
  })

  it('links by credit code across the buildings of the same manager, whatever mobile ordered', async () => {
    const id = await newLead('bld-jinmao-tower', '13600000002', VALID_CREDIT_CODE)
    const placed = await order('bld-shanghai-tower', '13600000099', VALID_CREDIT_CODE)
    expect(await findLead(db(), id)).toMatchObject({ status: 'won', order_id: placed.id })
    expect((await auditOf(db(), { kind: 'lead', id })).find((row) => row.action === 'mark_won')).toMatchObject({ after: { matchedBy: 'credit_code' } })
  })

  it('in a building without a manager, wins the leads of that building alone', async () => {
    const unmanaged = await db().selectFrom('buildings').select('id').where('manager_id', 'is', null).where('free_fibre_ports', '>', 0).orderBy('id').limit(2).execute()
    expect(unmanaged).toHaveLength(2)
    const here = await newLead(unmanaged[0].id, '13600000005')
    const nextDoor = await newLead(unmanaged[1].id, '13600000005')
    const placed = await order(unmanaged[0].id, '13600000005')
    expect(await findLead(db(), here)).toMatchObject({ status: 'won', order_id: placed.id })
    // Another building without a manager is not in the scope: managerless buildings share no manager.
    expect(await findLead(db(), nextDoor)).toMatchObject({ status: 'new', order_id: null })
  })

  it('leaves other managers’ leads, closed leads and other companies’ leads alone', async () => {
    const elsewhere = await newLead('bld-hongqiao-nanfung', '13600000003')
    const lost = await newLead('bld-jinmao-tower', '13600000003')
    const other = await newLead('bld-jinmao-tower', '13600000004', VALID_CREDIT_CODE.replace(/.$/, 'X'))
    await db().updateTable('leads').set({ status: 'lost', lost_reason: 'price' }).where('id', '=', lost).execute()
    await order('bld-jinmao-tower', '13600000003')
    expect((await findLead(db(), elsewhere))!.status).toBe('new')
    expect(await findLead(db(), lost)).toMatchObject({ status: 'lost', order_id: null })
    expect((await findLead(db(), other))!.status).toBe('new')
  })
})
