import { waitsForPayment, type OrderStatus } from '../../domain/order-status'
import { AppError } from '../../errors'
import { appendOrderEvent, claimPaymentReminder, setPaymentDeadline, type OrderRow } from '../../repositories/orders-repository'
import { tellCustomer } from '../../services/tell-customer'
import { auditOrder, changedMeanwhile, notAllowed, timelineNote, type ChangeRecord } from './change'
import { onOrder, systemActor, type LifecycleServices, type OrderActor } from './context'

/**
 * Operations give a customer more time to pay (a transfer on its way, a public holiday): the new
 * deadline, who gave it and why go on the order's timeline and into the audit log. Only forward,
 * and only while unpaid.
 */
export async function extendPaymentDeadline(services: LifecycleServices, actor: OrderActor, number: string, until: Date, reason: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    const status = order.status as OrderStatus
    if (!waitsForPayment(status)) throw notAllowed(order, 'extend_payment_deadline')
    const at = services.now().toISOString()
    if (until.toISOString() <= at || (order.payment_due_at !== null && until.toISOString() <= order.payment_due_at)) {
      throw new AppError('invalid_request', `The new deadline must be later than now and than the current one (${order.payment_due_at}).`, [{ path: 'until', message: 'not later' }])
    }
    if (!(await setPaymentDeadline(trx, order.id, status, until.toISOString(), at))) throw changedMeanwhile(order)
    const record: ChangeRecord = { actor, action: 'extend_payment_deadline', reason, facts: { until: until.toISOString() } }
    await appendOrderEvent(trx, order.id, status, timelineNote(record), at)
    await auditOrder(services, trx, order, record, { paymentDueAt: order.payment_due_at }, { paymentDueAt: until.toISOString() })
  })
}

/** The one payment reminder of an unpaid order, sent by the system; false when another process sent it. */
export async function remindUnpaid(services: LifecycleServices, order: OrderRow): Promise<boolean> {
  const remindAt = order.payment_reminder_at
  if (remindAt === null || !waitsForPayment(order.status as OrderStatus)) return false
  return services.db.transaction().execute(async (trx) => {
    if (!(await claimPaymentReminder(trx, order.id, remindAt))) return false
    await auditOrder(services, trx, order, { actor: systemActor, action: 'remind_payment' }, { paymentReminderAt: remindAt }, { paymentReminderAt: null })
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
}
