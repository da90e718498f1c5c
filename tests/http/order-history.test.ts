import { beforeAll, describe, expect, it } from 'vitest'
import type { OrderDetail } from '../../server/console/fulfilment-queue'
import { flagPayment, stripeActor } from '../../server/orders/lifecycle'
import { renderEmail } from '../../server/notifications/render-email'
import { findOrderByNumber } from '../../server/repositories/orders-repository'
import { orderAuditFactsText, timelineNoteText } from '../../src/lib/order-history-text'
import type { Lang } from '../../src/lib/lang'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

// The test API's clock: Sunday 22 November 2026, 11:00 in Shanghai.
const SUNDAY = new Date('2026-11-22T03:00:00.000Z')
/** What a reader must never see: a stored timestamp or day, or a code (snake_case, dotted). */
const MACHINE = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_.]+\b/

/**
 * An order's timeline and audit log as the console shows them, in Chinese and English: the actions
 * and their parameters (a new deadline, the visit booked, how it was paid) in the page's language,
 * dates in Beijing time, staff's reasons as they typed them. Once these were English machine text.
 */
describe.each(databaseKinds)("an order's history in the reader's language on %s", (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let cookie: string

  beforeAll(async () => {
    cookie = await signIn(seeded.api, (await createStaff(seeded.api, ['ops'])).email)
  })
  const post = async (path: string, body: unknown) => expect((await seeded.api.request(path, asStaff(cookie, 'POST', body))).status, path).toBe(200)
  async function placeInvoiceOrder() {
    seeded.api.setNow(SUNDAY)
    const response = await postOrder(seeded.api, orderBody((await createQuote(seeded.api)).id))
    expect(response.status).toBe(201)
    return ((await response.json()) as { number: string }).number
  }
  const detailOf = async (number: string) => (await (await seeded.api.request(`/api/console/orders/${number}`, asStaff(cookie))).json()) as OrderDetail
  const timeline = (detail: OrderDetail, lang: Lang) => detail.timeline.map((event) => timelineNoteText(event.note, lang))
  /** Every word the audit log shows but staff's own reasons. */
  const auditWords = (detail: OrderDetail, lang: Lang) => detail.audit.flatMap((row) => [...orderAuditFactsText(row.before, lang), ...orderAuditFactsText(row.after, lang)])

  it('shows a deadline extension, a transfer, a booking and a cancellation as words and Beijing times, the reasons as typed', async () => {
    const number = await placeInvoiceOrder()
    await post(`/api/console/orders/${number}/extend-deadline`, { until: '2026-12-01T18:00', reason: 'transfer on its way' })
    await post(`/api/console/orders/${number}/record-transfer`, { amountYuan: '300.00' })
    await post(`/api/console/orders/${number}/schedule`, { date: '2026-11-24', slot: 'pm' })
    await post(`/api/console/orders/${number}/cancel`, { reason: '客户搬迁，不再需要安装' })

    const detail = await detailOf(number)
    expect(timeline(detail, 'zh')).toEqual([
      null,
      '付款期限延长至 2026年12月1日 18:00（北京时间） · 原因：transfer on its way',
      '登记对公转账',
      '预约 2026年11月24日 周二 下午',
      '取消订单 · 原因：客户搬迁，不再需要安装',
    ])
    expect(timeline(detail, 'en')).toEqual([
      null,
      'Payment deadline extended to 1 Dec 2026, 18:00 (Beijing time) · Reason: transfer on its way',
      'Bank transfer recorded',
      'Booked for Tue 24 Nov 2026, afternoon',
      'Cancelled by operations · Reason: 客户搬迁，不再需要安装',
    ])
    for (const lang of ['zh', 'en'] as const) {
      for (const words of auditWords(detail, lang)) expect(words, lang).not.toMatch(MACHINE)
    }
    expect(auditWords(detail, 'zh')).toEqual(expect.arrayContaining(['付款截止：2026年12月1日 18:00（北京时间）', '付款方式：登记对公转账', '安装日期：2026年11月24日 周二', '时段：下午', '取消原因：运营取消', '释放端口：光纤 1 个，语音 0 个']))
    // The audit log's reasons are people's only: a transfer has none, a cancellation its own words.
    expect(detail.audit.map((row) => [row.action, row.reason])).toEqual([
      ['place', null],
      ['extend_payment_deadline', 'transfer on its way'],
      ['mark_paid', null],
      ['schedule', null],
      ['cancel', '客户搬迁，不再需要安装'],
    ])
  })

  it('tells a flagged payment and its acceptance in words, in the console and in operations\' mail', async () => {
    const number = await placeInvoiceOrder()
    const order = (await findOrderByNumber(db(), number))!
    await db().transaction().execute((trx) => flagPayment(seeded.api.services, trx, order, stripeActor, { kind: 'amount_mismatch', paidFen: 29_900, paidCurrency: 'cny', dueFen: 30_000, dueCurrency: 'cny' }))
    const mail = await db().selectFrom('outbox').select(['kind', 'lang', 'payload_json']).where('kind', '=', 'ops_payment_flagged').where('payload_json', 'like', `%${number}%`).executeTakeFirstOrThrow()
    const rendered = renderEmail('ops_payment_flagged', JSON.parse(mail.payload_json), 'zh')
    expect(rendered.text).toContain('Stripe 报告实付 ¥299.00，应付 ¥300.00，金额不符')
    const csv = await (await seeded.api.request(`/api/console/orders/export.csv?${new URLSearchParams({ q: number })}`, asStaff(cookie))).text()
    expect(csv).toContain('Stripe 报告实付 ¥299.00，应付 ¥300.00，金额不符')

    await post(`/api/console/orders/${number}/resolve-flag`, { resolution: 'accept_payment', reason: '差额 1 元已减免' })
    const detail = await detailOf(number)
    expect(timeline(detail, 'zh').at(-1)).toBe('确认异常付款 · 原因：差额 1 元已减免')
    expect(timeline(detail, 'en').at(-1)).toBe('Flagged payment accepted · Reason: 差额 1 元已减免')
    expect(auditWords(detail, 'zh')).toEqual(expect.arrayContaining(['付款异常：Stripe 报告实付 ¥299.00，应付 ¥300.00，金额不符', '处理方式：确认收款', '付款方式：确认异常付款']))
    for (const lang of ['zh', 'en'] as const) {
      for (const words of auditWords(detail, lang)) expect(words, lang).not.toMatch(MACHINE)
    }
  })

  it('keeps a timeline written before actions were data readable: its notes as they were written', async () => {
    const number = await placeInvoiceOrder()
    const order = (await findOrderByNumber(db(), number))!
    const old = ['payment deadline extended to 2026-12-01T10:00:00.000Z: transfer on its way', 'cancel: 客户搬迁']
    await db()
      .insertInto('order_events')
      .values(old.map((note, index) => ({ order_id: order.id, sequence: 10 + index, status: 'awaiting_transfer', note, created_at: SUNDAY.toISOString() })))
      .execute()
    expect(timeline(await detailOf(number), 'zh').slice(-2)).toEqual(old)
  })

  it("shows a cancelled order's visit as cancelled to the customer", async () => {
    const number = await placeInvoiceOrder()
    const tracking = async () => {
      const row = (await findOrderByNumber(db(), number))!
      return (await (await seeded.api.request(`/api/orders/${number}?token=${row.tracking_token}`)).json()) as { installSlot: unknown }
    }
    expect((await tracking()).installSlot).toEqual({ date: '2026-11-24', slot: 'am', cancelled: false })
    await post(`/api/console/orders/${number}/cancel`, { reason: 'the customer moved out' })
    expect((await tracking()).installSlot).toEqual({ date: '2026-11-24', slot: 'am', cancelled: true })
  })
})
