import type { Insertable } from 'kysely'
import type { Database } from '../../db/schema'
import type { EntryOrderStatus } from '../domain/order-status'
import type { WorkOrderKind, WorkOrderStatus } from '../domain/work-orders'
import type { RequestedComponent } from '../domain/serviceability'
import { timeOrderedId } from '../domain/time-ordered-id'

export type NewWorkOrder = Omit<Insertable<Database['work_orders']>, 'order_id'> & { kind: WorkOrderKind; status: WorkOrderStatus }

export interface WorkSite {
  floor: string
  unit: string
  installDate: string
  installSlot: string
}

export interface Routing {
  manager_id: string | null
  queue_district: string | null
}

/**
 * Fulfilment work for an order entering `status`: a site installation for lines and broadband, SIM
 * delivery for mobiles, or a survey. (An order in review has none until it is approved.)
 */
export function workOrders(delivered: RequestedComponent[], status: EntryOrderStatus, site: WorkSite, routing: Routing, at: string): NewWorkOrder[] {
  // With nothing due today the work starts at once; otherwise payment releases it (payment-service).
  const workStatus: WorkOrderStatus = status === 'confirmed' ? 'open' : 'waiting_for_payment'
  const slot = { scheduled_date: site.installDate, scheduled_slot: site.installSlot }
  const place = { floor: site.floor, unit: site.unit }
  const describe = (items: RequestedComponent[]) => items.map((item) => ({ code: item.component.code, count: item.count }))
  if (status === 'survey_required') {
    return [{ id: timeOrderedId(), kind: 'site_survey', status: 'open', details_json: JSON.stringify({ ...place, components: describe(delivered) }), ...routing, ...slot, created_at: at }]
  }
  const onSite = delivered.filter((item) => item.component.category === 'fixed_voice' || item.component.category === 'broadband')
  const mobiles = delivered.filter((item) => item.component.category === 'mobile')
  return [
    ...(onSite.length > 0
      ? [{ id: timeOrderedId(), kind: 'site_installation' as const, status: workStatus, details_json: JSON.stringify({ ...place, components: describe(onSite) }), ...routing, ...slot, created_at: at }]
      : []),
    ...(mobiles.length > 0
      ? [{ id: timeOrderedId(), kind: 'sim_delivery' as const, status: workStatus, details_json: JSON.stringify({ ...place, components: describe(mobiles) }), ...routing, ...slot, created_at: at }]
      : []),
  ]
}
