import { waitsForPayment, type OrderStatus } from '../domain/order-status'
import { AppError } from '../errors'
import {
  appendOrderEvent,
  claimPaymentReminder,
  dueUnpaidOrders,
  expireUnpaidOrder,
  findOrder,
  findOrderByNumber,
  setPaymentDeadline,
  type OrderRow,
} from '../repositories/orders-repository'
import { releaseCancelledOrder } from './order-cancellation'
import type { Services } from './services'
import { tellCustomer } from './tell-customer'

export interface UnpaidOrdersResult {
  reminded: number
  cancelled: number
}

/** Most orders handled in one pass; the next pass takes the rest. */
const BATCH = 100

/**
 * An unpaid order holds a building's ports only until its payment deadline: once a reminder, then
 * cancelled with its ports released and the customer told. Safe to run in several processes at
 * once: each reminder and each cancellation is taken by a guarded UPDATE that only one of them wins,
 * in the same transaction as its mail, so nothing is sent twice.
 */
export async function expireUnpaidOrders(services: Pick<Services, 'db' | 'now' | 'siteUrl'>): Promise<UnpaidOrdersResult> {
  const at = services.now().toISOString()
  const result: UnpaidOrdersResult = { reminded: 0, cancelled: 0 }
  for (const order of await dueUnpaidOrders(services.db, at, BATCH)) {
    const status = order.status as 'awaiting_payment' | 'awaiting_transfer'
    if (order.payment_due_at !== null && order.payment_due_at <= at) {
      const cancelled = await services.db.transaction().execute(async (trx) => {
        if (!(await expireUnpaidOrder(trx, order.id, status, at))) return false
        await releaseCancelledOrder(services, trx, order, 'unpaid')
        return true
      })
      if (cancelled) result.cancelled += 1
      continue
    }
    const remindAt = order.payment_reminder_at!
    const reminded = await services.db.transaction().execute(async (trx) => {
      if (!(await claimPaymentReminder(trx, order.id, remindAt))) return false
      await tellCustomer(services, trx, order, (trackingUrl) => ({
        kind: 'payment_reminder',
        payload: {
          orderNumber: order.number,
          amountDue: order.amount_due_fen,
          paymentMethod: order.payment_method === 'online' ? 'online' : 'invoice',
          paymentDueAt: order.payment_due_at!,
          trackingUrl,
        },
      }))
      return true
    })
    if (reminded) result.reminded += 1
  }
  return result
}

/**
 * Operations give a customer more time to pay (a transfer on its way, a public holiday): the new
 * deadline, who gave it and why go on the order's timeline. Only forward, and only while unpaid.
 */
export async function extendPaymentDeadline(services: Pick<Services, 'db' | 'now'>, number: string, until: Date, by: string, reason: string): Promise<OrderRow> {
  return services.db.transaction().execute(async (trx) => {
    const order = await findOrderByNumber(trx, number)
    if (!order) throw new AppError('order_not_found', `There is no order ${number}.`)
    const status = order.status as OrderStatus
    if (!waitsForPayment(status)) throw new AppError('invalid_request', `Order ${number} is ${order.status}: only an unpaid order has a payment deadline.`)
    const at = services.now().toISOString()
    if (until.toISOString() <= at || (order.payment_due_at !== null && until.toISOString() <= order.payment_due_at)) {
      throw new AppError('invalid_request', `The new deadline must be later than now and than the current one (${order.payment_due_at}).`, [{ path: 'until', message: 'not later' }])
    }
    if (!(await setPaymentDeadline(trx, order.id, status, until.toISOString(), at))) throw new AppError('invalid_request', `Order ${number} changed meanwhile; look again.`)
    await appendOrderEvent(trx, order.id, status, `payment deadline extended to ${until.toISOString()} by ${by}: ${reason}`, at)
    return (await findOrder(trx, order.id))!
  })
}
