import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { waitsForPayment, type OrderStatus } from '../domain/order-status'
import type { CancellationReason } from '../notifications/messages'
import { auditOf } from '../repositories/audit-repository'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import { findInvoiceDetails } from '../repositories/order-invoices-repository'
import { orderEvents, type OrderRow } from '../repositories/orders-repository'
import { managerContact } from './building-presenter'
import { orderLinks } from './order-links'
import type { Services } from './services'

/**
 * The customer's milestones, in order; survey and cancellation are shown instead where they happen.
 * An order with nothing due today is confirmed rather than paid, and its timeline says so.
 */
const milestonesOf = (settled: 'paid' | 'confirmed') => ['received', settled, 'scheduled', 'installing', 'active'] as const

export interface Cancellation {
  why: CancellationReason
  /** Operations' own words, when they cancelled it (the cancellation mail carries the same). */
  note: string | null
}

/** Why a cancelled order was cancelled, from the audit row of its move to `cancelled`. */
async function cancellationOf(db: Kysely<Database>, orderId: string): Promise<Cancellation | null> {
  const move = [...(await auditOf(db, { kind: 'order', id: orderId }))].reverse().find((row) => (row.after as { status?: string } | null)?.status === 'cancelled')
  const why = (move?.after as { why?: CancellationReason } | undefined)?.why
  if (!move || !why) return null
  return { why, note: why === 'by_operations' ? move.reason : null }
}

/** What the customer sees of their order: status, timeline, slot and who follows it up. Nothing else. */
export async function orderTracking(services: Services, order: OrderRow) {
  const events = await orderEvents(services.db, order.id)
  const found = await findBuildingWithManager(services.db, order.building_id)
  const reachedAt = (status: string) => events.find((event) => event.status === status)?.created_at ?? null
  const status = order.status as OrderStatus
  const reached = new Set(events.map((event) => event.status))
  const timeline = milestonesOf(reached.has('confirmed') ? 'confirmed' : 'paid').map((milestone) => {
    const at = milestone === 'received' ? order.created_at : reachedAt(milestone)
    return { step: milestone, done: milestone === 'received' || reached.has(milestone), at }
  })
  const links = orderLinks(services.siteUrl, order.lang as 'zh' | 'en', order.number, order.tracking_token)
  return {
    number: order.number,
    status,
    createdAt: order.created_at,
    company: order.company_name,
    timeline,
    events: events.map((event) => ({ status: event.status, at: event.created_at })),
    /** The visit as booked; `cancelled` when the order is, and nobody will come. */
    installSlot: { date: order.install_date, slot: order.install_slot, cancelled: status === 'cancelled' },
    site: { building: found ? { id: found.building.id, name: { zh: found.building.name_zh, en: found.building.name_en } } : null, floor: order.floor, unit: order.unit },
    manager: found?.manager ? managerContact(found.manager) : null,
    payment: {
      method: order.payment_method,
      amountDue: order.amount_due_fen,
      monthly: order.monthly_fen,
      ...(status === 'awaiting_payment' && services.stripe ? { url: links.payment } : {}),
      /** Unpaid by then, the order is cancelled and its ports released. */
      dueBy: waitsForPayment(status) ? order.payment_due_at : null,
    },
    /** Set once the order is cancelled: why. */
    cancellation: status === 'cancelled' ? await cancellationOf(services.db, order.id) : null,
    /** The buyer on the VAT invoice, for the customer to check (operations correct it on request). */
    invoice: await findInvoiceDetails(services.db, order.id),
    trackingUrl: links.tracking,
  }
}
