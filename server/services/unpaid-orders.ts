import { expireUnpaid, remindUnpaid, type LifecycleServices } from '../orders/lifecycle'
import { dueUnpaidOrders } from '../repositories/orders-repository'

export interface UnpaidOrdersResult {
  reminded: number
  cancelled: number
}

/** Most orders handled in one pass; the next pass takes the rest. */
const BATCH = 100

/**
 * An unpaid order holds a building's ports only until its payment deadline: once a reminder, then
 * cancelled with its ports released and the customer told (lifecycle commands). Safe to run in
 * several processes at once: each command is a guarded change that only one of them wins, in the
 * same transaction as its mail, so nothing is sent twice.
 */
export async function expireUnpaidOrders(services: LifecycleServices): Promise<UnpaidOrdersResult> {
  const at = services.now().toISOString()
  const result: UnpaidOrdersResult = { reminded: 0, cancelled: 0 }
  for (const order of await dueUnpaidOrders(services.db, at, BATCH)) {
    if (order.payment_due_at !== null && order.payment_due_at <= at) {
      if (await expireUnpaid(services, order)) result.cancelled += 1
    } else if (await remindUnpaid(services, order)) {
      result.reminded += 1
    }
  }
  return result
}
