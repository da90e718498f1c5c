import { portsNeeded } from '../../domain/ports-needed'
import { insertWorkOrders, setOrderHolding, type OrderRow } from '../../repositories/orders-repository'
import { findQuote } from '../../repositories/quotes-repository'
import { deliveredComponents } from '../../services/serviceability-service'
import { tellCustomer } from '../../services/tell-customer'
import { workOrders } from '../../services/work-orders'
import { changedMeanwhile, moveOrder, notAllowed } from './change'
import { cancelOrder } from './cancellation'
import { onOrder, type LifecycleServices, type OrderActor } from './context'
import { enterFulfilment } from './placement'

/**
 * Operations approve an order in review: only now are the building's ports reserved, and the order
 * goes on as it would have without review (waiting for payment, confirmed, or a survey when the
 * ports have gone meanwhile). The customer is told the next step.
 */
export async function approve(services: LifecycleServices, actor: OrderActor, number: string, note?: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'pending_review') throw notAllowed(order, 'approve')
    const quote = await findQuote(trx, order.quote_id)
    if (!quote) throw new Error(`order ${order.number} names quote ${order.quote_id}, which is missing`)
    const catalog = await services.catalogs.byVersion(quote.catalogVersion)
    const offering = catalog.offerings.get(quote.offering)
    if (!offering) throw new Error(`catalog ${catalog.version} has no offering ${quote.offering}, which quote ${quote.id} was priced with`)
    const delivered = deliveredComponents(catalog, offering, quote.items, quote.options)
    const ports = portsNeeded(delivered)

    const entry = await enterFulfilment(services, trx, { buildingId: order.building_id, ports, amountDue: order.amount_due_fen, paymentMethod: order.payment_method === 'online' ? 'online' : 'invoice' })
    const { status, amountDue, deadlines } = entry
    if (!(await moveOrder(services, trx, order, status, { actor, action: 'approve', reason: note }, { fibrePorts: entry.fibrePorts, voicePorts: entry.voicePorts }))) {
      throw changedMeanwhile(order)
    }
    await setOrderHolding(trx, order.id, {
      fibre_ports_reserved: entry.fibrePorts,
      voice_ports_reserved: entry.voicePorts,
      amount_due_fen: amountDue,
      payment_due_at: deadlines?.paymentDueAt.toISOString() ?? null,
      payment_reminder_at: deadlines?.reminderAt.toISOString() ?? null,
    })
    const at = services.now().toISOString()
    const site = { floor: order.floor, unit: order.unit, installDate: order.install_date, installSlot: order.install_slot }
    await insertWorkOrders(trx, order.id, workOrders(delivered, status, site, { manager_id: order.manager_id, queue_district: order.queue_district }, at))
    await tellCustomer(services, trx, order, (trackingUrl) => ({
      kind: 'order_approved',
      payload: { orderNumber: order.number, status, amountDue, ...(deadlines ? { paymentDueAt: deadlines.paymentDueAt.toISOString() } : {}), trackingUrl },
    }))
  })
}

/** Operations reject an order in review: it is cancelled (it held nothing) and the customer is told. */
export async function reject(services: LifecycleServices, actor: OrderActor, number: string, reason: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'pending_review') throw notAllowed(order, 'reject')
    if (!(await cancelOrder(services, trx, order, 'not_approved', { actor, action: 'reject', reason }))) throw changedMeanwhile(order)
  })
}
