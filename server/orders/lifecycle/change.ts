import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { eventNote, type OrderAction, type OrderEventFacts } from '../../domain/order-history'
import { canTransition, type OrderStatus } from '../../domain/order-status'
import { AppError } from '../../errors'
import { recordAudit } from '../../repositories/audit-repository'
import { transitionOrder, type OrderRow } from '../../repositories/orders-repository'
import type { LifecycleServices, OrderActor } from './context'

export interface ChangeRecord {
  actor: OrderActor
  /** The command, e.g. `schedule`: shown in the reader's language. */
  action: OrderAction
  /** Why, in a person's own words, when a person decided (shown to staff; the customer's mail has its own wording). Never machine text. */
  reason?: string
  /** The command's parameters worth a line on the timeline (a new deadline, the visit booked, how it was paid). */
  facts?: Omit<OrderEventFacts, 'action' | 'reason'>
  /** Only if the order's payment deadline is at or before this instant (the expiry job's guard). */
  dueBy?: string
}

/**
 * Moves an order along the transition table, guarded by its current status: false when it is no
 * longer in the status read (a concurrent command or a replayed event won), and nothing happens.
 * A move the table does not list is a programming error or a stale console page: refused outright.
 * The move goes on the customer's timeline and, with who and why, into the audit log.
 */
export async function moveOrder(
  services: Pick<LifecycleServices, 'now'>,
  trx: Kysely<Database>,
  order: OrderRow,
  to: OrderStatus,
  record: ChangeRecord,
  changed: Record<string, unknown> = {},
): Promise<boolean> {
  const from = order.status as OrderStatus
  if (!canTransition(from, to)) throw notAllowed(order, record.action)
  const now = services.now()
  if (!(await transitionOrder(trx, order.id, from, to, now.toISOString(), timelineNote(record), record.dueBy))) return false
  await auditOrder(services, trx, order, record, { status: from }, { status: to, ...changed })
  return true
}

/** What the timeline keeps of a command: the action and its parameters as data, a person's reason as typed. */
export const timelineNote = (record: ChangeRecord): string => eventNote({ action: record.action, ...(record.reason ? { reason: record.reason } : {}), ...record.facts })

/** An audit row for a change of the order that is not a move (a deadline, a flag, a new slot). */
export async function auditOrder(
  services: Pick<LifecycleServices, 'now'>,
  trx: Kysely<Database>,
  order: OrderRow,
  record: ChangeRecord,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, { actor: record.actor, action: record.action, subject: { kind: 'order', id: order.id }, before, after, reason: record.reason }, services.now())
}

/**
 * The command does not apply to the order as it is now (a console page from before someone else's
 * change, or sent twice). The path `order` lets the console say so instead of blaming a field.
 */
export const notAllowed = (order: Pick<OrderRow, 'number' | 'status'>, action: string) =>
  new AppError('invalid_request', `Order ${order.number} is ${order.status}: ${action} does not apply.`, [{ path: 'order', message: `is ${order.status}` }])

/** Guarded moves that lost a race tell the caller to look again rather than pretend. */
export const changedMeanwhile = (order: Pick<OrderRow, 'number'>) =>
  new AppError('invalid_request', `Order ${order.number} changed meanwhile; look again.`, [{ path: 'order', message: 'changed meanwhile' }])
