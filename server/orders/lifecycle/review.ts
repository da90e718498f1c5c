import type { OrderRow } from '../../repositories/orders-repository'
import { changedMeanwhile, notAllowed } from './change'
import { cancelOrder } from './cancellation'
import { onOrder, type LifecycleServices, type OrderActor } from './context'
import { orderDelivery } from './delivery'
import { proceedToFulfilment } from './proceed'

/**
 * Operations approve an order in review: only now are the building's ports reserved, and the order
 * goes on as it would have without review (waiting for payment, confirmed, or a survey when the
 * ports have gone meanwhile). The customer is told the next step.
 */
export async function approve(services: LifecycleServices, actor: OrderActor, number: string, note?: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'pending_review') throw notAllowed(order, 'approve')
    const { delivered, ports } = await orderDelivery(services, trx, order)
    await proceedToFulfilment(services, trx, order, { actor, action: 'approve', reason: note }, { delivered, ports, amountDue: order.amount_due_fen, allowSurvey: true })
  })
}

/** Operations reject an order in review: it is cancelled (it held nothing) and the customer is told. */
export async function reject(services: LifecycleServices, actor: OrderActor, number: string, reason: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'pending_review') throw notAllowed(order, 'reject')
    if (!(await cancelOrder(services, trx, order, 'not_approved', { actor, action: 'reject', reason }))) throw changedMeanwhile(order)
  })
}
