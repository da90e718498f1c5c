import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { paymentDeadlines } from '../../domain/order-policy'
import { initialOrderStatus, waitsForPayment, type EntryOrderStatus, type InitialOrderStatus } from '../../domain/order-status'
import type { ReviewReason } from '../../domain/order-review'
import type { PortCounts } from '../../domain/ports-needed'
import type { RequestedComponent } from '../../domain/serviceability'
import { auditInsert } from '../../repositories/audit-repository'
import type { ClaimWrite, PendingWrite } from '../../repositories/one-trip-writes'
import { insertOrder, reservePorts } from '../../repositories/orders-repository'
import { workOrders, type Routing, type WorkSite } from '../../services/work-orders'
import type { LifecycleServices, OrderActor } from './context'

/** What an order enters fulfilment with: its status, the ports it holds, what it owes and by when. */
export interface FulfilmentEntry {
  status: EntryOrderStatus
  fibrePorts: number
  voicePorts: number
  /** Nothing is owed while a survey decides whether the order can be served. */
  amountDue: number
  deadlines?: { paymentDueAt: Date; reminderAt: Date }
}

/**
 * An order enters fulfilment (when placed, or once approved after review): the building's ports
 * are reserved if it has them, which decides the entry status; an unpaid order's deadline runs
 * from now, as the customer could not pay before.
 */
export async function enterFulfilment(
  services: Pick<LifecycleServices, 'now' | 'orderPolicy'>,
  trx: Kysely<Database>,
  order: { buildingId: string; ports: PortCounts; amountDue: number; paymentMethod: 'online' | 'invoice' },
): Promise<FulfilmentEntry> {
  const reserved = await reservePorts(trx, order.buildingId, order.ports.fibre, order.ports.voice)
  const status = initialOrderStatus({ portsReserved: reserved, amountDue: order.amountDue, paymentMethod: order.paymentMethod })
  return {
    status,
    fibrePorts: reserved ? order.ports.fibre : 0,
    voicePorts: reserved ? order.ports.voice : 0,
    amountDue: status === 'survey_required' ? 0 : order.amountDue,
    deadlines: waitsForPayment(status) ? paymentDeadlines(services.orderPolicy, services.now()) : undefined,
  }
}

/** The order as the customer placed it, before the lifecycle decides its status and what it holds. */
export type PlacedOrder = Omit<
  Insertable<Database['orders']>,
  'status' | 'amount_due_fen' | 'fibre_ports_reserved' | 'voice_ports_reserved' | 'payment_due_at' | 'payment_reminder_at' | 'payment_method' | 'building_id'
> & { payment_method: 'online' | 'invoice'; building_id: string }

export interface Placement {
  status: InitialOrderStatus
  amountDue: number
  deadlines?: FulfilmentEntry['deadlines']
}

/** Rows the placing caller writes with the order, and the claim they stand on (its e-mail proof, used up). */
export interface WrittenWithOrder {
  writes: PendingWrite[]
  claim: ClaimWrite
}

/**
 * The first command of an order's life: it is inserted with its items in the status the table starts
 * it in. An order that needs review (`reviewReasons`) holds nothing and has no work yet; any other
 * enters fulfilment at once with its work orders. The placement is the first audit row. What the
 * caller writes with the order depends on how it was placed (`withOrder`), and goes in the order's
 * own trip; `claimed` says whether its claim took its row (if not, the caller refuses the order and
 * its transaction takes everything back).
 */
export async function place(
  services: Pick<LifecycleServices, 'now' | 'orderPolicy'>,
  trx: Kysely<Database>,
  actor: OrderActor,
  order: PlacedOrder,
  items: Parameters<typeof insertOrder>[2],
  fulfilment: { amountDue: number; delivered: RequestedComponent[]; ports: PortCounts; reviewReasons: ReviewReason[]; site: WorkSite; routing: Routing },
  withOrder: (placement: Placement) => WrittenWithOrder,
): Promise<Placement & { claimed: boolean }> {
  const amountDue = fulfilment.amountDue
  const entry =
    fulfilment.reviewReasons.length > 0
      ? undefined
      : await enterFulfilment(services, trx, { buildingId: order.building_id, ports: fulfilment.ports, amountDue, paymentMethod: order.payment_method })
  const status: InitialOrderStatus = entry?.status ?? 'pending_review'
  const at = services.now().toISOString()
  // The placement is audited in the order's own trip to the database.
  const audit = auditInsert(
    trx,
    {
      actor,
      action: 'place',
      subject: { kind: 'order', id: order.id },
      before: { status: null },
      after: { status, fibrePorts: entry?.fibrePorts ?? 0, voicePorts: entry?.voicePorts ?? 0, ...(entry ? {} : { reviewReasons: fulfilment.reviewReasons }) },
    },
    services.now(),
  )
  const placement: Placement = { status, amountDue: entry?.amountDue ?? amountDue, deadlines: entry?.deadlines }
  const alongside = withOrder(placement)
  const claimed = await insertOrder(
    trx,
    {
      ...order,
      status,
      amount_due_fen: entry?.amountDue ?? amountDue,
      fibre_ports_reserved: entry?.fibrePorts ?? 0,
      voice_ports_reserved: entry?.voicePorts ?? 0,
      payment_due_at: entry?.deadlines?.paymentDueAt.toISOString() ?? null,
      payment_reminder_at: entry?.deadlines?.reminderAt.toISOString() ?? null,
    },
    items,
    entry ? workOrders(fulfilment.delivered, entry.status, fulfilment.site, fulfilment.routing, at) : [],
    [audit, ...alongside.writes],
    alongside.claim,
  )
  return { ...placement, claimed }
}
