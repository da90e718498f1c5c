import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../db/schema'
import { unpaidOrderStatuses, type OrderStatus } from '../domain/order-status'
import { writeInOneTripClaiming, type ClaimWrite, type PendingWrite } from './one-trip-writes'
import { queueForSearchIndex } from './order-search-repository'
import { utmColumns } from './utm-columns'

export type OrderRow = Selectable<Database['orders']>

export async function findOrderByNumber(db: Kysely<Database>, number: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst()
}

export async function findOrder(db: Kysely<Database>, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findOrderForQuote(db: Kysely<Database>, quoteId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('quote_id', '=', quoteId).executeTakeFirst()
}

export async function insertOrder(
  db: Kysely<Database>,
  order: Insertable<Database['orders']>,
  items: Omit<Insertable<Database['order_items']>, 'order_id'>[],
  workOrders: Omit<Insertable<Database['work_orders']>, 'order_id'>[],
  /** Other rows the caller writes with the order (its audit row, its mails), in the same trip. */
  alongside: PendingWrite[],
  /** The update these writes stand on: answered whether it took its row. */
  claim: ClaimWrite,
): Promise<boolean> {
  const firstYear = sql<number>`(select first_year_total_fen from quotes where id = ${order.quote_id})`
  // The order and its rows: one round trip on PostgreSQL.
  return writeInOneTripClaiming(db, [
    db.insertInto('orders').values({ ...order, ...utmColumns(order.attribution_json), first_year_total_fen: firstYear }),
    queueForSearchIndex(db, order.id, order.created_at),
    ...(items.length > 0 ? [db.insertInto('order_items').values(items.map((item) => ({ ...item, order_id: order.id })))] : []),
    ...(workOrders.length > 0 ? [workOrdersInsert(db, order.id, workOrders)] : []),
    // A new order's first event.
    db.insertInto('order_events').values({ order_id: order.id, sequence: 1, status: order.status, note: null, created_at: order.created_at }),
    ...alongside,
  ], claim)
}

export async function insertWorkOrders(db: Kysely<Database>, orderId: string, workOrders: Omit<Insertable<Database['work_orders']>, 'order_id'>[]): Promise<void> {
  if (workOrders.length > 0) await workOrdersInsert(db, orderId, workOrders).execute()
}

/** The insert of an order's work orders (at least one). */
const workOrdersInsert = (db: Kysely<Database>, orderId: string, workOrders: Omit<Insertable<Database['work_orders']>, 'order_id'>[]) =>
  db.insertInto('work_orders').values(workOrders.map((work) => ({ ...work, order_id: orderId })))

/** What an approved order holds and owes: its ports, the amount due and, while unpaid, its deadlines. */
export async function setOrderHolding(
  db: Kysely<Database>,
  orderId: string,
  holding: Pick<Database['orders'], 'fibre_ports_reserved' | 'voice_ports_reserved' | 'amount_due_fen'> & { payment_due_at: string | null; payment_reminder_at: string | null },
): Promise<void> {
  await db.updateTable('orders').set(holding).where('id', '=', orderId).execute()
}

/** Takes the one payment reminder of an unpaid order: true for the one caller that should send it. */
export async function claimPaymentReminder(db: Kysely<Database>, orderId: string, remindAt: string): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ payment_reminder_at: null })
    .where('id', '=', orderId)
    .where('status', 'in', unpaidOrderStatuses)
    .where('payment_reminder_at', '=', remindAt)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Unpaid orders whose reminder or deadline has come, oldest deadline first. */
export async function dueUnpaidOrders(db: Kysely<Database>, at: string, limit: number): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('status', 'in', unpaidOrderStatuses)
    .where((eb) => eb.or([eb('payment_due_at', '<=', at), eb('payment_reminder_at', '<=', at)]))
    .orderBy('payment_due_at')
    .limit(limit)
    .execute()
}

/** Moves an unpaid order's deadline, only while it still waits in `status`. */
export async function setPaymentDeadline(db: Kysely<Database>, orderId: string, status: OrderStatus, until: string, at: string): Promise<boolean> {
  const result = await db.updateTable('orders').set({ payment_due_at: until, updated_at: at }).where('id', '=', orderId).where('status', '=', status).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function appendOrderEvent(db: Kysely<Database>, orderId: string, status: OrderStatus, note: string | null, at: string): Promise<void> {
  const last = await db.selectFrom('order_events').select((eb) => eb.fn.max('sequence').as('sequence')).where('order_id', '=', orderId).executeTakeFirst()
  await db
    .insertInto('order_events')
    .values({ order_id: orderId, sequence: Number(last?.sequence ?? 0) + 1, status, note, created_at: at })
    .execute()
}

/**
 * Moves an order only if it is still in `from` (and, given `dueBy`, its payment deadline has come):
 * the row's status is the lock against races and replays.
 */
export async function transitionOrder(
  db: Kysely<Database>,
  orderId: string,
  from: OrderStatus,
  to: OrderStatus,
  at: string,
  note: string | null = null,
  dueBy?: string,
): Promise<boolean> {
  let update = db.updateTable('orders').set({ status: to, updated_at: at }).where('id', '=', orderId).where('status', '=', from)
  if (dueBy !== undefined) update = update.where('payment_due_at', '<=', dueBy)
  const result = await update.executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  await appendOrderEvent(db, orderId, to, note, at)
  return true
}

export async function flagOrder(db: Kysely<Database>, orderId: string, reason: string, at: string): Promise<void> {
  await db.updateTable('orders').set({ flagged_reason: reason, updated_at: at }).where('id', '=', orderId).execute()
}

export async function setStripeSession(db: Kysely<Database>, orderId: string, sessionId: string): Promise<void> {
  await db.updateTable('orders').set({ stripe_session_id: sessionId }).where('id', '=', orderId).execute()
}

export async function orderEvents(db: Kysely<Database>, orderId: string) {
  return db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('sequence').execute()
}


/** Takes ports from a building only if it still has them; false when another order took the last one. */
export async function reservePorts(db: Kysely<Database>, buildingId: string, fibre: number, voice: number): Promise<boolean> {
  const result = await db
    .updateTable('buildings')
    .set({ free_fibre_ports: sql`free_fibre_ports - ${fibre}`, free_voice_ports: sql`free_voice_ports - ${voice}` })
    .where('id', '=', buildingId)
    .where('free_fibre_ports', '>=', fibre)
    .where('free_voice_ports', '>=', voice)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function releasePorts(db: Kysely<Database>, buildingId: string, fibre: number, voice: number): Promise<void> {
  await db
    .updateTable('buildings')
    .set({ free_fibre_ports: sql`free_fibre_ports + ${fibre}`, free_voice_ports: sql`free_voice_ports + ${voice}` })
    .where('id', '=', buildingId)
    .execute()
}

export async function findIdempotentResponse(db: Kysely<Database>, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst()
}

/** The insert that keeps the answer to an Idempotency-Key, written with what it answers. */
export function saveIdempotentResponse(db: Kysely<Database>, key: string, requestHash: string, statusCode: number, response: unknown, at: string) {
  return db.insertInto('idempotency_keys').values({ key, request_hash: requestHash, status_code: statusCode, response_json: JSON.stringify(response), created_at: at })
}

/** Consumes a single-use offer code; false when it was used, revoked or expired meanwhile. */
export async function consumeOfferCode(db: Kysely<Database>, code: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('offer_codes')
    .set({ used_at: at })
    .where('code', '=', code)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
