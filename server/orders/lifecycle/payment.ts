import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { flagNote, type PaymentFlag, type PaymentRoute } from '../../domain/order-history'
import { waitsForPayment, type OrderStatus } from '../../domain/order-status'
import { AppError } from '../../errors'
import { enqueue, OPERATIONS_ADDRESS } from '../../notifications/messages'
import { flagOrder, type OrderRow } from '../../repositories/orders-repository'
import { tellCustomer } from '../../services/tell-customer'
import { auditOrder, changedMeanwhile, moveOrder, notAllowed } from './change'
import { onOrder, type LifecycleServices, type OrderActor } from './context'

/** How a payment was taken: its route, Stripe's session when Stripe reported it, operations' reason when they accepted it. */
export interface PaymentTaken {
  paidBy: PaymentRoute
  stripeSession?: string
  reason?: string
}

/**
 * Paid: the order's work opens and the customer is told. False when the order was not waiting for
 * this payment (already paid, or cancelled meanwhile): the caller decides what that means.
 */
export async function markPaid(services: Pick<LifecycleServices, 'now' | 'siteUrl'>, trx: Kysely<Database>, order: OrderRow, actor: OrderActor, taken: PaymentTaken): Promise<boolean> {
  if (!waitsForPayment(order.status as OrderStatus)) return false
  const record = { actor, action: 'mark_paid', reason: taken.reason, facts: { paidBy: taken.paidBy } } as const
  const changed = { amountFen: order.amount_due_fen, paidBy: taken.paidBy, ...(taken.stripeSession ? { stripeSession: taken.stripeSession } : {}) }
  if (!(await moveOrder(services, trx, order, 'paid', record, changed))) return false
  await trx.updateTable('work_orders').set({ status: 'open' }).where('order_id', '=', order.id).where('status', '=', 'waiting_for_payment').execute()
  await tellCustomer(services, trx, order, (trackingUrl) => ({ kind: 'payment_received', payload: { orderNumber: order.number, amount: order.amount_due_fen, trackingUrl } }))
  return true
}

/**
 * Staff record a bank transfer (对公转账) against an order waiting for it. The amount must be the
 * amount due: anything else is refused, so a short or mistaken transfer never confirms an order.
 */
export async function recordTransfer(services: LifecycleServices, actor: OrderActor, number: string, amountFen: number): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'awaiting_transfer') throw notAllowed(order, 'record_transfer')
    if (amountFen !== order.amount_due_fen) {
      throw new AppError('invalid_request', `Order ${number} is due ${order.amount_due_fen} fen, not ${amountFen}.`, [{ path: 'amountYuan', message: 'not the amount due' }])
    }
    if (!(await markPaid(services, trx, order, actor, { paidBy: 'bank_transfer' }))) throw changedMeanwhile(order)
  })
}

/** A payment that does not fit the order (amount, session, after cancellation): operations look at it. */
export async function flagPayment(services: Pick<LifecycleServices, 'now'>, trx: Kysely<Database>, order: OrderRow, actor: OrderActor, flag: PaymentFlag): Promise<void> {
  await flagOrder(trx, order.id, flagNote(flag), services.now().toISOString())
  await auditOrder(services, trx, order, { actor, action: 'flag_payment' }, { flaggedReason: order.flagged_reason }, { flaggedReason: flag })
  await enqueue(trx, { kind: 'ops_payment_flagged', recipient: OPERATIONS_ADDRESS, lang: 'zh', payload: { orderNumber: order.number, flag } }, services.now())
}

/** How operations settle a flagged payment. */
export const flagResolutions = ['accept_payment', 'refunded'] as const
export type FlagResolution = (typeof flagResolutions)[number]

/**
 * Operations settle a flagged payment: `accept_payment` takes the money as the order's payment (it
 * must still be waiting for one), `refunded` records that the money went back (the order stays as
 * it is: cancelled, or still waiting for a right payment). Either way the flag is cleared, with why.
 */
export async function resolveFlaggedPayment(services: LifecycleServices, actor: OrderActor, number: string, resolution: FlagResolution, reason: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.flagged_reason === null) throw notAllowed(order, 'resolve_flagged_payment')
    if (resolution === 'accept_payment' && !(await markPaid(services, trx, order, actor, { paidBy: 'flagged_payment_accepted', reason }))) throw notAllowed(order, 'accept_payment')
    await trx.updateTable('orders').set({ flagged_reason: null, updated_at: services.now().toISOString() }).where('id', '=', order.id).execute()
    await auditOrder(services, trx, order, { actor, action: 'resolve_flagged_payment', reason }, { flaggedReason: order.flagged_reason }, { flaggedReason: null, resolution })
  })
}
