import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { AppError } from '../../errors'
import type { AuditActor } from '../../repositories/audit-repository'
import { findOrder, findOrderByNumber, type OrderRow } from '../../repositories/orders-repository'
import type { Services } from '../../services/services'

/** What the lifecycle's commands need of the server. */
export type LifecycleServices = Pick<Services, 'db' | 'now' | 'siteUrl' | 'catalogs' | 'orderPolicy'>

/** Who issues a command: a staff user, the customer, Stripe, the system (jobs) or the command line. */
export type OrderActor = AuditActor

export const systemActor: OrderActor = { kind: 'system', id: null }
export const stripeActor: OrderActor = { kind: 'stripe', id: null }
export const customerActor: OrderActor = { kind: 'customer', id: null }

/**
 * Runs a command on the order with this number in one transaction: whatever it changes, its
 * effects and its audit rows commit together or not at all. Answers the order as it is afterwards.
 */
export async function onOrder(
  services: LifecycleServices,
  number: string,
  command: (trx: Kysely<Database>, order: OrderRow) => Promise<void>,
): Promise<OrderRow> {
  return services.db.transaction().execute(async (trx) => {
    const order = await findOrderByNumber(trx, number)
    if (!order) throw new AppError('order_not_found', `There is no order ${number}.`)
    await command(trx, order)
    return (await findOrder(trx, order.id))!
  })
}
