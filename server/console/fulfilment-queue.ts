import { stringify } from 'csv-stringify'
import { spreadsheetCsv } from './spreadsheet-safe'
import { Readable } from 'node:stream'
import { lateness, slaThresholds, type LateKind } from '../domain/fulfilment-sla'
import { describeFlaggedReason } from '../domain/order-history'
import { AppError } from '../errors'
import { auditOf, type AuditRecord } from '../repositories/audit-repository'
import { findOrderByNumber, orderEvents, type OrderRow } from '../repositories/orders-repository'
import { queueOrders, type QueueRow } from '../repositories/order-queue-repository'
import type { OrderQueueQuery } from '../schemas/console-orders'
import type { Services } from '../services/services'
import { decodeKeyset, encodeKeyset } from './keyset-cursor'
import type { StaffIdentity } from './sessions'
import type { LocalizedText } from '../pricing/primitives'

export type QueueEntry = QueueRow & { late: LateKind | null }

export interface QueuePage {
  orders: QueueEntry[]
  /** The `after` of the next page, or null on the last one. */
  next: string | null
}

const PAGE = 50
const CSV_BATCH = 500


/** One page of the queue as `staff` may see it (a manager: their own buildings). */
export async function orderQueue(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, query: OrderQueueQuery): Promise<QueuePage> {
  const limit = query.limit ?? PAGE
  const sla = slaThresholds(services.now())
  // One row more than the page tells whether another page follows.
  const rows = await queueOrders(services.db, staff.buildingIds, query, sla, decodeKeyset(query.after), limit + 1)
  const page = rows.slice(0, limit).map((row) => ({ ...row, late: lateness({ status: row.status, enteredStatusAt: row.entered_status_at, installDate: row.install_date, installSlot: row.install_slot }, sla) }))
  return { orders: page, next: rows.length > limit ? encodeKeyset(page[page.length - 1]) : null }
}

const CSV_COLUMNS = ['number', 'status', 'late', 'created_at', 'company_name', 'credit_code', 'contact_mobile', 'district', 'building_name_zh', 'manager_id', 'payment_method', 'amount_due_fen', 'install_date', 'install_slot', 'flagged_reason'] as const

/** A cell of the CSV: as stored, but a payment flag in words (Chinese, as operations' mail tells it). */
const csvCell = (order: QueueEntry, column: (typeof CSV_COLUMNS)[number]) => (column === 'flagged_reason' ? describeFlaggedReason(order.flagged_reason, 'zh') : order[column]) ?? ''

/** The whole filtered list as CSV, fetched page by page while it is sent (never all in memory). */
export function orderQueueCsv(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, query: OrderQueueQuery): ReadableStream<Uint8Array> {
  async function* rows() {
    let after = query.after
    do {
      const page = await orderQueue(services, staff, { ...query, after, limit: CSV_BATCH })
      for (const order of page.orders) yield CSV_COLUMNS.map((column) => csvCell(order, column))
      after = page.next ?? undefined
    } while (after)
  }
  const csv = Readable.from(rows()).pipe(stringify({ ...spreadsheetCsv, header: true, columns: [...CSV_COLUMNS] }))
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>
}

export interface OrderDetail {
  order: OrderRow
  building: { id: string; nameZh: string; nameEn: string; district: string; address: LocalizedText }
  manager: { id: string; name: string; nameEn: string; phone: string } | null
  items: { position: number; kind: string; code: string; labelZh: string; labelEn: string; quantity: number | null; amountFen: number; waived: boolean; rule: string }[]
  workOrders: { id: string; kind: string; status: string; details: unknown; scheduledDate: string | null; scheduledSlot: string | null }[]
  payments: { id: string; type: string; outcome: string; receivedAt: string }[]
  timeline: { sequence: number; status: string; note: string | null; at: string }[]
  audit: AuditRecord[]
  late: LateKind | null
}

/** Everything operations need about one order; not found outside a manager's own buildings. */
export async function orderDetail(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, number: string): Promise<OrderDetail> {
  const db = services.db
  const order = await findOrderByNumber(db, number)
  if (!order || (staff.buildingIds !== 'all' && !staff.buildingIds.includes(order.building_id))) throw new AppError('order_not_found', `There is no order ${number}.`)
  const [building, manager, items, work, payments, events, audit] = await Promise.all([
    db.selectFrom('buildings').select(['id', 'name_zh', 'name_en', 'district', 'address_zh', 'address_en']).where('id', '=', order.building_id).executeTakeFirstOrThrow(),
    order.manager_id ? db.selectFrom('building_managers').select(['id', 'name', 'name_en', 'phone']).where('id', '=', order.manager_id).executeTakeFirst() : undefined,
    db.selectFrom('order_items').selectAll().where('order_id', '=', order.id).orderBy('position').execute(),
    db.selectFrom('work_orders').selectAll().where('order_id', '=', order.id).orderBy('kind').execute(),
    db.selectFrom('stripe_events').select(['id', 'type', 'outcome', 'received_at']).where('order_id', '=', order.id).orderBy('received_at').execute(),
    orderEvents(db, order.id),
    auditOf(db, { kind: 'order', id: order.id }),
  ])
  const entered = events.filter((event) => event.status === order.status).at(-1)?.created_at ?? order.created_at
  return {
    order,
    building: { id: building.id, nameZh: building.name_zh, nameEn: building.name_en, district: building.district, address: { zh: building.address_zh, en: building.address_en } },
    manager: manager ? { id: manager.id, name: manager.name, nameEn: manager.name_en, phone: manager.phone } : null,
    items: items.map((item) => ({ position: item.position, kind: item.kind, code: item.code, labelZh: item.label_zh, labelEn: item.label_en, quantity: item.quantity, amountFen: item.amount_fen, waived: item.waived === 1, rule: item.rule })),
    workOrders: work.map((entry) => ({ id: entry.id, kind: entry.kind, status: entry.status, details: JSON.parse(entry.details_json), scheduledDate: entry.scheduled_date, scheduledSlot: entry.scheduled_slot })),
    payments: payments.map((event) => ({ id: event.id, type: event.type, outcome: event.outcome, receivedAt: event.received_at })),
    timeline: events.map((event) => ({ sequence: event.sequence, status: event.status, note: event.note, at: event.created_at })),
    audit,
    late: lateness({ status: order.status, enteredStatusAt: entered, installDate: order.install_date, installSlot: order.install_slot }, slaThresholds(services.now())),
  }
}
