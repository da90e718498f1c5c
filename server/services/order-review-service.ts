import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { paymentDeadlines } from '../domain/order-policy'
import { initialOrderStatus, waitsForPayment } from '../domain/order-status'
import { portsNeeded } from '../domain/ports-needed'
import { AppError } from '../errors'
import { findOrder, findOrderByNumber, insertWorkOrders, reservePorts, setOrderHolding, transitionOrder, type OrderRow } from '../repositories/orders-repository'
import { findQuote } from '../repositories/quotes-repository'
import { releaseCancelledOrder } from './order-cancellation'
import { deliveredComponents } from './serviceability-service'
import type { Services } from './services'
import { tellCustomer } from './tell-customer'
import { workOrders } from './work-orders'

/** Who decided, for the order's timeline: a staff user's e-mail or id (the staff console passes its user). */
export interface ReviewDecision {
  by: string
  note?: string
}

/**
 * Operations approve an order in review: only now are the building's ports reserved, and the order
 * goes on as it would have without review (waiting for payment, confirmed, or a survey when the
 * ports have gone meanwhile). The customer is told the next step.
 */
export async function approveOrder(services: Services, number: string, decision: ReviewDecision): Promise<OrderRow> {
  return services.db.transaction().execute(async (trx) => {
    const order = await orderInReview(trx, number)
    const quote = await findQuote(trx, order.quote_id)
    if (!quote) throw new Error(`order ${order.number} names quote ${order.quote_id}, which is missing`)
    const catalog = await services.catalogs.byVersion(quote.catalogVersion)
    const offering = catalog.offerings.get(quote.offering)
    if (!offering) throw new Error(`catalog ${catalog.version} has no offering ${quote.offering}, which quote ${quote.id} was priced with`)
    const delivered = deliveredComponents(catalog, offering, quote.items, quote.options)
    const ports = portsNeeded(delivered)

    const now = services.now()
    const at = now.toISOString()
    const reserved = await reservePorts(trx, order.building_id, ports.fibre, ports.voice)
    const status = initialOrderStatus({ portsReserved: reserved, amountDue: order.amount_due_fen, paymentMethod: order.payment_method === 'online' ? 'online' : 'invoice' })
    if (!(await transitionOrder(trx, order.id, 'pending_review', status, at, describe('approved', decision)))) throw notInReview(number)
    // The deadline runs from the approval: the customer could not pay before it.
    const deadlines = waitsForPayment(status) ? paymentDeadlines(services.orderPolicy, now) : undefined
    const amountDue = status === 'survey_required' ? 0 : order.amount_due_fen
    await setOrderHolding(trx, order.id, {
      fibre_ports_reserved: reserved ? ports.fibre : 0,
      voice_ports_reserved: reserved ? ports.voice : 0,
      amount_due_fen: amountDue,
      payment_due_at: deadlines?.paymentDueAt.toISOString() ?? null,
      payment_reminder_at: deadlines?.reminderAt.toISOString() ?? null,
    })
    const site = { floor: order.floor, unit: order.unit, installDate: order.install_date, installSlot: order.install_slot }
    await insertWorkOrders(trx, order.id, workOrders(delivered, status, site, { manager_id: order.manager_id, queue_district: order.queue_district }, at))
    await tellCustomer(services, trx, order, (trackingUrl) => ({
      kind: 'order_approved',
      payload: { orderNumber: order.number, status, amountDue, ...(deadlines ? { paymentDueAt: deadlines.paymentDueAt.toISOString() } : {}), trackingUrl },
    }))
    return (await findOrder(trx, order.id))!
  })
}

/** Operations reject an order in review: it is cancelled (it held nothing) and the customer is told. */
export async function rejectOrder(services: Services, number: string, decision: ReviewDecision): Promise<OrderRow> {
  return services.db.transaction().execute(async (trx) => {
    const order = await orderInReview(trx, number)
    if (!(await transitionOrder(trx, order.id, 'pending_review', 'cancelled', services.now().toISOString(), describe('rejected', decision)))) throw notInReview(number)
    await releaseCancelledOrder(services, trx, order, 'not_approved')
    return (await findOrder(trx, order.id))!
  })
}

async function orderInReview(trx: Kysely<Database>, number: string): Promise<OrderRow> {
  const order = await findOrderByNumber(trx, number)
  if (!order) throw new AppError('order_not_found', `There is no order ${number}.`)
  if (order.status !== 'pending_review') throw notInReview(number, order.status)
  return order
}

/** Decided already (here, or by someone else meanwhile): a decision is taken once. */
const notInReview = (number: string, status = 'decided') => new AppError('invalid_request', `Order ${number} is not waiting for review (it is ${status}).`)

const describe = (verdict: string, decision: ReviewDecision) => `${verdict} by ${decision.by}${decision.note ? `: ${decision.note}` : ''}`
