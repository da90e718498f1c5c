import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import type { PortCounts } from '../../domain/ports-needed'
import type { RequestedComponent } from '../../domain/serviceability'
import { AppError } from '../../errors'
import { insertWorkOrders, setOrderHolding, type OrderRow } from '../../repositories/orders-repository'
import { tellCustomer } from '../../services/tell-customer'
import { workOrders } from '../../services/work-orders'
import { changedMeanwhile, moveOrder, type ChangeRecord } from './change'
import type { LifecycleServices } from './context'
import { enterFulfilment, type FulfilmentEntry } from './placement'

/**
 * An order held back at placing (for review, or for a survey) goes on as a placed one would: the
 * building's ports are reserved now, which decides its status; it holds them, owes `amountDue` by a
 * deadline that runs from now, gets its work orders, and the customer is told the next step.
 * `allowSurvey`: whether a building still without the ports may send it on to a survey (an approval
 * may; a survey's own result may not, and is refused with the problem `ports`).
 */
export async function proceedToFulfilment(
  services: LifecycleServices,
  trx: Kysely<Database>,
  order: OrderRow,
  record: ChangeRecord,
  delivery: { delivered: RequestedComponent[]; ports: PortCounts; amountDue: number; allowSurvey: boolean },
): Promise<FulfilmentEntry> {
  const entry = await enterFulfilment(services, trx, { buildingId: order.building_id, ports: delivery.ports, amountDue: delivery.amountDue, paymentMethod: order.payment_method === 'online' ? 'online' : 'invoice' })
  const { status, amountDue, deadlines } = entry
  if (status === 'survey_required' && !delivery.allowSurvey) {
    throw new AppError('invalid_request', `Order ${order.number}: the building has too few free ports for it.`, [{ path: 'ports', message: 'too few free ports' }])
  }
  if (!(await moveOrder(services, trx, order, status, record, { fibrePorts: entry.fibrePorts, voicePorts: entry.voicePorts }))) throw changedMeanwhile(order)
  await setOrderHolding(trx, order.id, {
    fibre_ports_reserved: entry.fibrePorts,
    voice_ports_reserved: entry.voicePorts,
    amount_due_fen: amountDue,
    payment_due_at: deadlines?.paymentDueAt.toISOString() ?? null,
    payment_reminder_at: deadlines?.reminderAt.toISOString() ?? null,
  })
  const site = { floor: order.floor, unit: order.unit, installDate: order.install_date, installSlot: order.install_slot }
  await insertWorkOrders(trx, order.id, workOrders(delivery.delivered, status, site, { manager_id: order.manager_id, queue_district: order.queue_district }, services.now().toISOString()))
  const after = record.action === 'complete_survey' ? 'survey' : 'review'
  await tellCustomer(services, trx, order, (trackingUrl) => ({
    kind: 'order_approved',
    payload: { orderNumber: order.number, status, amountDue, after, ...(deadlines ? { paymentDueAt: deadlines.paymentDueAt.toISOString() } : {}), trackingUrl },
  }))
  return entry
}
