import type { LifecycleServices } from '../orders/lifecycle'
import { startPeriodicJob, type PeriodicJob } from './periodic-job'
import { expireUnpaidOrders, type UnpaidOrdersResult } from './unpaid-orders'
import type { Services } from './services'

/**
 * Reminds and cancels unpaid orders every `intervalMs` in the server process; with several processes
 * one of them runs each pass (expireUnpaidOrders is guarded besides, so nothing would be sent twice anyway).
 */
export function startUnpaidOrdersJob(services: LifecycleServices & Pick<Services, 'log'>, { intervalMs = 60_000 } = {}): PeriodicJob<UnpaidOrdersResult> {
  const none = { reminded: 0, cancelled: 0 }
  return startPeriodicJob(() => expireUnpaidOrders(services), { intervalMs, log: services.log, failed: none, oneProcessAtATime: { db: services.db, job: 'unpaid-orders', skipped: none } })
}
