import { beforeAll, describe, expect, it } from 'vitest'
import { findOrderByNumber } from '../../server/repositories/orders-repository'
import { createQuote, orderBody, postOrder, VALID_CREDIT_CODE } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const SUNDAY = new Date('2026-11-22T03:00:00.000Z')

/**
 * What operations type and paste into the console, as they do it: searches copied from a chat or a
 * spreadsheet, amounts copied off a bank statement, blank or odd reasons, and forms from a page that
 * someone else's change has made stale. Found using the console; each case here was once wrong.
 */
describe.each(databaseKinds)('the console as operations use it on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let cookie: string
  let placed: { number: string }

  beforeAll(async () => {
    const ops = await createStaff(seeded.api, ['ops'])
    cookie = await signIn(seeded.api, ops.email)
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id, { company: { name: '上海星河数据有限公司', creditCode: VALID_CREDIT_CODE } }))
    expect(response.status).toBe(201)
    placed = (await response.json()) as { number: string }
  })

  const post = (path: string, body: unknown) => seeded.api.request(path, asStaff(cookie, 'POST', body))
  const postForm = (path: string, fields: Record<string, string>) =>
    seeded.api.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) })
  const found = async (q: string) => {
    const response = await seeded.api.request(`/api/console/orders?${new URLSearchParams({ q })}`, asStaff(cookie))
    expect(response.status, q).toBe(200)
    return ((await response.json()) as { orders: { number: string }[] }).orders.map((order) => order.number)
  }

  it('finds an order by its number, company or mobile however it was typed or pasted', async () => {
    const [prefix, suffix] = placed.number.split('-')
    const fullWidth = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
    for (const q of [
      ` ${placed.number}\t`,
      `${prefix} ${suffix}`,
      `${prefix}${suffix}`.toLowerCase(),
      fullWidth(placed.number),
      '星河数据',
      '星河 数据',
      VALID_CREDIT_CODE.toLowerCase(),
      fullWidth('13812345678'),
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
    ]) {
      expect(await found(q), JSON.stringify(q)).toContain(placed.number)
    }
    // Still a search, not a wildcard: a sign and an unknown number find nothing.
    expect(await found('%')).toEqual([])
    expect(await found('139 0000 0000')).toEqual([])
  })

  it('refuses a blank or control-character reason by its field, and takes a pasted one with tabs as one line', async () => {
    for (const reason of ['   ', '\t \n', 'ok\u0007']) {
      const refused = await post(`/api/console/orders/${placed.number}/extend-deadline`, { until: '2026-12-20T10:00', reason })
      expect(refused.status, JSON.stringify(reason)).toBe(400)
      expect((await refused.json()).error.issues[0].path).toBe('reason')
    }
    expect((await post(`/api/console/orders/${placed.number}/extend-deadline`, { until: '2026-12-20T10:00', reason: '  customer\tasked\nfor a week  ' })).status).toBe(200)
    const audit = await seeded.database.db.selectFrom('audit_log').select('reason').where('action', '=', 'extend_payment_deadline').where('subject_id', '=', (await findOrderByNumber(seeded.database.db, placed.number))!.id).executeTakeFirstOrThrow()
    expect(audit.reason).toBe('customer asked for a week')
  })

  it('reads a transfer amount as a bank statement writes it, refuses another amount by its field, and answers a stale form with `order`', async () => {
    const due = (await findOrderByNumber(seeded.database.db, placed.number))!.amount_due_fen / 100
    for (const amountYuan of [String(due - 1), '2,00', `${due}.001`]) {
      const refused = await postForm(`/api/console/orders/${placed.number}/record-transfer`, { amountYuan, return: `/console/orders/${placed.number}` })
      expect(refused.status).toBe(303)
      expect(refused.headers.get('location'), amountYuan).toBe(`/console/orders/${placed.number}?error=invalid_request&field=amountYuan`)
    }
    const statement = ` ￥${due.toLocaleString('en-US')}.00元 `.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))
    const recorded = await postForm(`/api/console/orders/${placed.number}/record-transfer`, { amountYuan: statement, return: `/console/orders/${placed.number}?error=invalid_request&field=amountYuan` })
    expect(recorded.headers.get('location')).toBe(`/console/orders/${placed.number}?done=transfer_recorded`)
    expect((await findOrderByNumber(seeded.database.db, placed.number))!.status).toBe('paid')

    // The same form again (a second tab, Back and resubmit): the order has moved on, and the answer says so.
    const again = await postForm(`/api/console/orders/${placed.number}/record-transfer`, { amountYuan: String(due), return: `/console/orders/${placed.number}` })
    expect(again.headers.get('location')).toBe(`/console/orders/${placed.number}?error=invalid_request&field=order`)
  })

  it('opens an account for a name pasted with a tab (one space), and names the field of a refusal', async () => {
    const admin = await createStaff(seeded.api, ['admin'])
    const adminCookie = await signIn(seeded.api, admin.email)
    const created = await seeded.api.request('/api/console/users', asStaff(adminCookie, 'POST', { email: 'pasted.name@example.com', displayName: ' 李\t运营 ', roles: ['ops'] }))
    expect(created.status).toBe(201)
    expect((await created.json()).user.displayName).toBe('李 运营')
    const refused = await seeded.api.request('/api/console/users', {
      method: 'POST',
      headers: { cookie: adminCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'no.role@example.com', displayName: '王五', return: '/console/users' }),
    })
    expect(refused.headers.get('location')).toBe('/console/users?error=invalid_request&field=roles')
  })

  it('tells the customer on the tracking page why operations cancelled the order, in their words', async () => {
    const quote = await createQuote(seeded.api)
    const other = (await (await postOrder(seeded.api, orderBody(quote.id))).json()) as { number: string }
    expect((await post(`/api/console/orders/${other.number}/cancel`, { reason: '客户搬迁，不再需要 <b>安装</b>' })).status).toBe(200)
    const row = (await findOrderByNumber(seeded.database.db, other.number))!
    const tracking = await (await seeded.api.request(`/api/orders/${other.number}?token=${row.tracking_token}`)).json()
    expect(tracking).toMatchObject({ status: 'cancelled', cancellation: { why: 'by_operations', note: '客户搬迁，不再需要 <b>安装</b>' } })
  })
})
