import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { isInstallSlotOffered, type InstallSlotKind } from '../../domain/install-slots'
import { liveWorkStatuses as LIVE_WORK } from '../../domain/work-orders'
import { AppError } from '../../errors'
import { lockInstallSlot } from '../../repositories/install-capacity-repository'
import type { OrderRow } from '../../repositories/orders-repository'
import { assertInstallSlotFree } from '../../services/install-availability'
import { tellCustomer } from '../../services/tell-customer'
import { auditOrder, changedMeanwhile, moveOrder, notAllowed } from './change'
import { onOrder, type LifecycleServices, type OrderActor } from './context'

export interface InstallSlot {
  date: string
  slot: InstallSlotKind
}

/** Operations book the installation of a paid (or confirmed) order into a slot the building offers. */
export async function schedule(services: LifecycleServices, actor: OrderActor, number: string, slot: InstallSlot): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'paid' && order.status !== 'confirmed') throw notAllowed(order, 'schedule')
    await holdOfferedSlot(services, trx, order, slot)
    if (!(await moveOrder(services, trx, order, 'scheduled', { actor, action: 'schedule', facts: { installDate: slot.date, installSlot: slot.slot } }, { installDate: slot.date, installSlot: slot.slot }))) throw changedMeanwhile(order)
    await bookSlot(services, trx, order, slot)
    await setWorkStatus(trx, order, 'scheduled')
    await tellCustomer(services, trx, order, (trackingUrl) => ({ kind: 'installation_scheduled', payload: { orderNumber: order.number, installDate: slot.date, installSlot: slot.slot, moved: false, trackingUrl } }))
  })
}

/** Operations move a scheduled installation to another slot, saying why (the customer asked, the crew is short). */
export async function reschedule(services: LifecycleServices, actor: OrderActor, number: string, slot: InstallSlot, reason: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'scheduled') throw notAllowed(order, 'reschedule')
    if (order.install_date === slot.date && order.install_slot === slot.slot) throw new AppError('invalid_request', `Order ${number} is already booked for ${slot.date} ${slot.slot}.`)
    await holdOfferedSlot(services, trx, order, slot)
    await bookSlot(services, trx, order, slot)
    await auditOrder(
      services,
      trx,
      order,
      { actor, action: 'reschedule', reason },
      { installDate: order.install_date, installSlot: order.install_slot },
      { installDate: slot.date, installSlot: slot.slot },
    )
    await tellCustomer(services, trx, order, (trackingUrl) => ({ kind: 'installation_scheduled', payload: { orderNumber: order.number, installDate: slot.date, installSlot: slot.slot, moved: true, trackingUrl } }))
  })
}

/** The crew has started work on site. */
export async function startInstall(services: LifecycleServices, actor: OrderActor, number: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (!(await moveOrder(services, trx, order, 'installing', { actor, action: 'start_install' }))) throw changedMeanwhile(order)
    await setWorkStatus(trx, order, 'in_progress')
    await tellCustomer(services, trx, order, (trackingUrl) => ({ kind: 'installation_started', payload: { orderNumber: order.number, trackingUrl } }))
  })
}

/** The lines work: the service is active, the work done. */
export async function activate(services: LifecycleServices, actor: OrderActor, number: string): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (!(await moveOrder(services, trx, order, 'active', { actor, action: 'activate' }))) throw changedMeanwhile(order)
    await setWorkStatus(trx, order, 'done')
    await tellCustomer(services, trx, order, (trackingUrl) => ({ kind: 'service_active', payload: { orderNumber: order.number, trackingUrl } }))
  })
}

/**
 * The slot must be one the building offers, with a crew of its district still free then. The slot
 * stays locked until the command's transaction ends (lockInstallSlot), so two bookings of its last
 * place cannot both count it free: the second counts after the first has committed.
 */
async function holdOfferedSlot(services: LifecycleServices, trx: Kysely<Database>, order: OrderRow, slot: InstallSlot): Promise<void> {
  const building = await trx.selectFrom('buildings').select(['same_day_install', 'district']).where('id', '=', order.building_id).executeTakeFirstOrThrow()
  if (!isInstallSlotOffered(services.now(), building.same_day_install === 1, slot.date, slot.slot)) {
    throw new AppError('install_slot_unavailable', 'This installation slot is not offered for this building.', [{ path: 'date', message: 'not offered' }])
  }
  await lockInstallSlot(trx, building.district, slot, services.now())
  await assertInstallSlotFree(trx, building.district, slot, services.orderPolicy.installCapacityPerHalfDay, 'slot', order.id)
}

async function bookSlot(services: LifecycleServices, trx: Kysely<Database>, order: OrderRow, slot: InstallSlot): Promise<void> {
  await trx.updateTable('orders').set({ install_date: slot.date, install_slot: slot.slot, updated_at: services.now().toISOString() }).where('id', '=', order.id).execute()
  await trx.updateTable('work_orders').set({ scheduled_date: slot.date, scheduled_slot: slot.slot }).where('order_id', '=', order.id).where('status', 'in', LIVE_WORK).execute()
}

async function setWorkStatus(trx: Kysely<Database>, order: OrderRow, status: 'scheduled' | 'in_progress' | 'done'): Promise<void> {
  await trx.updateTable('work_orders').set({ status }).where('order_id', '=', order.id).where('status', 'in', LIVE_WORK).execute()
}
