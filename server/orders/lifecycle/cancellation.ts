import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { isTerminal, type OrderStatus } from '../../domain/order-status'
import type { CancellationReason } from '../../notifications/messages'
import { releasePorts, type OrderRow } from '../../repositories/orders-repository'
import { tellCustomer } from '../../services/tell-customer'
import { changedMeanwhile, moveOrder, notAllowed, type ChangeRecord } from './change'
import { onOrder, systemActor, type LifecycleServices, type OrderActor } from './context'

/**
 * Cancels an order with every effect of it: the building gets back the ports the order held, its
 * fulfilment work stops and the customer is told why. False when the order moved meanwhile.
 */
export async function cancelOrder(
  services: Pick<LifecycleServices, 'now' | 'siteUrl'>,
  trx: Kysely<Database>,
  order: OrderRow,
  why: CancellationReason,
  record: ChangeRecord,
): Promise<boolean> {
  const released = { fibrePorts: order.fibre_ports_reserved, voicePorts: order.voice_ports_reserved }
  if (!(await moveOrder(services, trx, order, 'cancelled', record, { released, why }))) return false
  await releasePorts(trx, order.building_id, order.fibre_ports_reserved, order.voice_ports_reserved)
  await trx.updateTable('work_orders').set({ status: 'cancelled' }).where('order_id', '=', order.id).execute()
  await tellCustomer(services, trx, order, (trackingUrl) => ({
    kind: 'order_cancelled',
    payload: { orderNumber: order.number, reason: why, ...(why === 'by_operations' && record.reason ? { note: record.reason } : {}), trackingUrl },
  }))
  return true
}

/** Operations cancel an order that is not yet installing (the customer withdrew, the site cannot be served), with a reason. */
export async function cancel(services: LifecycleServices, actor: OrderActor, number: string, reason: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (isTerminal(order.status as OrderStatus)) throw notAllowed(order, 'cancel')
    if (!(await cancelOrder(services, trx, order, 'by_operations', { actor, action: 'cancel', reason }))) throw changedMeanwhile(order)
  })
}

/**
 * The payment deadline has passed with the order still unpaid: cancelled by the system. Guarded by
 * the deadline as well as the status, so an extension or a payment that won the race keeps the order.
 */
export async function expireUnpaid(services: LifecycleServices, order: OrderRow): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const record: ChangeRecord = { actor: systemActor, action: 'expire_unpaid', dueBy: services.now().toISOString() }
    return cancelOrder(services, trx, order, 'unpaid', record)
  })
}
