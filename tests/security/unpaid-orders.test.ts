import { beforeAll, describe, expect, it } from 'vitest'
import { readEventNote } from '../../server/domain/order-history'
import { findOrderByNumber } from '../../server/repositories/orders-repository'
import { extendPaymentDeadline, type OrderActor } from '../../server/orders/lifecycle'
import { auditOf } from '../../server/repositories/audit-repository'
import { expireUnpaidOrders } from '../../server/services/unpaid-orders'
import { startUnpaidOrdersJob } from '../../server/services/unpaid-orders-job'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { createStaff } from '../support/staff'
import { useStripeApi } from '../support/stripe-api'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const JINMAO = 'bld-jinmao-tower'
// The test API's clock: Sunday 22 November 2026, 11:00 in Shanghai.
const ORDERED_AT = new Date('2026-11-22T03:00:00.000Z')
const at = (iso: string) => new Date(iso)

describe.each(databaseKinds)('unpaid invoice orders give their ports back on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let ops: OrderActor
  beforeAll(async () => {
    ops = { kind: 'staff', id: (await createStaff(seeded.api, ['ops'])).id }
  })
  const db = () => seeded.database.db
  const freeFibre = async () => (await db().selectFrom('buildings').select('free_fibre_ports').where('id', '=', JINMAO).executeTakeFirstOrThrow()).free_fibre_ports
  const mails = async (number: string, kind: string) =>
    (await db().selectFrom('outbox').select(['kind', 'payload_json']).where('kind', '=', kind).execute()).filter((row) => JSON.parse(row.payload_json).orderNumber === number)
  /** Runs the job at `now` the way two server processes would, at the same moment. */
  const runTwiceAt = async (now: Date) => {
    seeded.api.setNow(now)
    const [one, two] = await Promise.all([expireUnpaidOrders(seeded.api.services), expireUnpaidOrders(seeded.api.services)])
    return { reminded: one.reminded + two.reminded, cancelled: one.cancelled + two.cancelled }
  }

  async function invoiceOrder() {
    seeded.api.setNow(ORDERED_AT)
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id))
    expect(response.status).toBe(201)
    const placed = await response.json()
    expect(placed.status).toBe('awaiting_transfer')
    return placed as { number: string }
  }

  it('stores a deadline of 5 working days, reminds once after 3, then cancels, releases the port and tells the customer once', async () => {
    const before = await freeFibre()
    const placed = await invoiceOrder()
    expect(await freeFibre()).toBe(before - 1)
    // Sunday: the working days are Mon–Fri, so the reminder is Wednesday and the deadline Friday, same hour.
    const row = (await findOrderByNumber(db(), placed.number))!
    expect(row).toMatchObject({ payment_due_at: '2026-11-27T03:00:00.000Z', payment_reminder_at: '2026-11-25T03:00:00.000Z' })
    const confirmation = await mails(placed.number, 'order_confirmation')
    expect(JSON.parse(confirmation[0].payload_json).paymentDueAt).toBe('2026-11-27T03:00:00.000Z')

    expect(await runTwiceAt(at('2026-11-25T02:59:59.000Z'))).toEqual({ reminded: 0, cancelled: 0 })
    expect(await runTwiceAt(at('2026-11-25T03:00:00.000Z'))).toEqual({ reminded: 1, cancelled: 0 })
    expect(await runTwiceAt(at('2026-11-26T03:00:00.000Z'))).toEqual({ reminded: 0, cancelled: 0 })
    expect(await mails(placed.number, 'payment_reminder')).toHaveLength(1)
    expect((await findOrderByNumber(db(), placed.number))!.status).toBe('awaiting_transfer')

    expect(await runTwiceAt(at('2026-11-27T03:00:00.000Z'))).toEqual({ reminded: 0, cancelled: 1 })
    expect(await runTwiceAt(at('2026-11-30T03:00:00.000Z'))).toEqual({ reminded: 0, cancelled: 0 })
    expect((await findOrderByNumber(db(), placed.number))!.status).toBe('cancelled')
    expect(await freeFibre()).toBe(before)
    const cancelled = await mails(placed.number, 'order_cancelled')
    expect(cancelled.map((mail) => JSON.parse(mail.payload_json).reason)).toEqual(['unpaid'])
    const work = await db().selectFrom('work_orders').select('status').where('order_id', '=', row.id).execute()
    expect(work.map((order) => order.status)).toEqual(['cancelled'])
  })

  it('keeps an order operations gave more time, and cancels it at the new deadline', async () => {
    const before = await freeFibre()
    const placed = await invoiceOrder()
    const until = at('2026-12-01T10:00:00.000Z')
    const extended = await extendPaymentDeadline(seeded.api.services, ops, placed.number, until, 'transfer on its way')
    expect(extended.payment_due_at).toBe(until.toISOString())
    const events = await db().selectFrom('order_events').select(['status', 'note']).where('order_id', '=', extended.id).orderBy('sequence').execute()
    // The timeline keeps the action and its parameters as data, shown in the reader's language.
    expect(events.at(-1)?.status).toBe('awaiting_transfer')
    expect(readEventNote(events.at(-1)!.note)).toEqual({ action: 'extend_payment_deadline', until: '2026-12-01T10:00:00.000Z', reason: 'transfer on its way' })
    expect((await auditOf(db(), { kind: 'order', id: extended.id })).at(-1)).toMatchObject({
      actor: ops,
      action: 'extend_payment_deadline',
      before: { paymentDueAt: '2026-11-27T03:00:00.000Z' },
      after: { paymentDueAt: until.toISOString() },
      reason: 'transfer on its way',
    })

    expect((await runTwiceAt(at('2026-11-27T03:00:00.000Z'))).cancelled).toBe(0)
    expect((await findOrderByNumber(db(), placed.number))!.status).toBe('awaiting_transfer')
    expect((await runTwiceAt(until)).cancelled).toBe(1)
    expect(await freeFibre()).toBe(before)
  })

  it('runs by itself in the server process: the job cancels an overdue order on its timer, and stops', async () => {
    const placed = await invoiceOrder()
    seeded.api.setNow(at('2026-11-27T03:00:00.000Z'))
    const job = startUnpaidOrdersJob(seeded.api.services, { intervalMs: 20 })
    try {
      await expect.poll(async () => (await findOrderByNumber(db(), placed.number))!.status, { timeout: 5000 }).toBe('cancelled')
    } finally {
      await job.stop()
    }
    expect(seeded.api.errors).toEqual([])
  })

  it('refuses an extension backwards, or of an order that is not waiting for payment', async () => {
    const placed = await invoiceOrder()
    await expect(extendPaymentDeadline(seeded.api.services, ops, placed.number, at('2026-11-26T00:00:00.000Z'), 'typo')).rejects.toMatchObject({ code: 'invalid_request' })
    await seeded.api.services.db.updateTable('orders').set({ status: 'paid' }).where('number', '=', placed.number).execute()
    await expect(extendPaymentDeadline(seeded.api.services, ops, placed.number, at('2026-12-20T00:00:00.000Z'), 'late')).rejects.toMatchObject({ code: 'invalid_request' })
    // A paid order is left alone when its old deadline passes.
    expect((await runTwiceAt(at('2026-12-31T00:00:00.000Z'))).cancelled).toBe(0)
    expect((await findOrderByNumber(db(), placed.number))!.status).toBe('paid')
  })
})

describe.each(databaseKinds)('unpaid online orders on %s', (kind) => {
  const context = useStripeApi(kind)
  const db = () => context.database.db

  async function onlineOrder() {
    const quote = await createQuote(context.api)
    const response = await postOrder(context.api, orderBody(quote.id, { payment: { method: 'online' }, installSlot: context.firstSlot }))
    expect(response.status).toBe(201)
    return (await response.json()) as { id: string; number: string; payment: { url: string } }
  }
  const customerMails = async (number: string) =>
    (await db().selectFrom('outbox').select(['kind', 'payload_json']).where('kind', '=', 'order_cancelled').execute()).filter((row) => JSON.parse(row.payload_json).orderNumber === number)

  it('tells the customer when an expired Checkout session cancels the order', async () => {
    const order = await onlineOrder()
    const checkout = await context.api.request(new URL(order.payment.url).pathname + new URL(order.payment.url).search)
    const sessionId = new URL(checkout.headers.get('location')!).pathname.split('/').at(-1)!
    const built = await context.stripe.sendEvent('checkout.session.expired', sessionId, { send: false })
    const answer = await context.api.request('/api/webhooks/stripe', { method: 'POST', headers: { 'content-type': 'application/json', 'Stripe-Signature': built.signature }, body: built.payload })
    expect((await answer.json()).outcome).toBe('released')
    expect((await customerMails(order.number)).map((mail) => JSON.parse(mail.payload_json).reason)).toEqual(['payment_failed'])
  })

  it('cancels an online order whose customer never opened the payment page, at its deadline', async () => {
    const order = await onlineOrder()
    const row = (await findOrderByNumber(db(), order.number))!
    expect(row.payment_due_at).not.toBeNull()
    context.api.setNow(new Date(Date.parse(row.payment_due_at!) + 1000))
    try {
      expect((await expireUnpaidOrders(context.api.services)).cancelled).toBeGreaterThanOrEqual(1)
    } finally {
      context.api.setNow(new Date())
    }
    expect((await findOrderByNumber(db(), order.number))!.status).toBe('cancelled')
    expect((await customerMails(order.number)).map((mail) => JSON.parse(mail.payload_json).reason)).toEqual(['unpaid'])
  })
})
