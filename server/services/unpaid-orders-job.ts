import type { LifecycleServices } from '../orders/lifecycle'
import { startPeriodicJob, type PeriodicJob } from './periodic-job'
import { expireUnpaidOrders, type UnpaidOrdersResult } from './unpaid-orders'
import type { Services } from './services'

/**
 * Reminds and cancels unpaid orders every `intervalMs` in the server process (several processes
 * may run it: expireUnpaidOrders is guarded).
 */
export function startUnpaidOrdersJob(services: LifecycleServices & Pick<Services, 'log'>, { intervalMs = 60_000 } = {}): PeriodicJob<UnpaidOrdersResult> {
  return startPeriodicJob(() => expireUnpaidOrders(services), { intervalMs, log: services.log, failed: { reminded: 0, cancelled: 0 } })
}
