import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { CancellationReason } from '../notifications/messages'
import { releasePorts, type OrderRow } from '../repositories/orders-repository'
import type { Services } from './services'
import { tellCustomer } from './tell-customer'

/**
 * What follows once an order has been moved to `cancelled` (by whoever won the guarded update): the
 * building gets its ports back, the fulfilment work stops and the customer is told why. `order` is
 * the row as it was before, with the ports it held.
 */
export async function releaseCancelledOrder(services: Pick<Services, 'now' | 'siteUrl'>, trx: Kysely<Database>, order: OrderRow, reason: CancellationReason): Promise<void> {
  await releasePorts(trx, order.building_id, order.fibre_ports_reserved, order.voice_ports_reserved)
  await trx.updateTable('work_orders').set({ status: 'cancelled' }).where('order_id', '=', order.id).execute()
  await tellCustomer(services, trx, order, (trackingUrl) => ({ kind: 'order_cancelled', payload: { orderNumber: order.number, reason, trackingUrl } }))
}
