import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { SlaThresholds } from '../domain/fulfilment-sla'
import type { Keyset } from '../console/keyset-cursor'
import type { OrderQueueQuery } from '../schemas/console-orders'
import { normalizeForSearch } from '../domain/search-grams'
import { rarestSearchGram, searchCandidates } from './order-search-repository'

export interface QueueRow {
  id: string
  number: string
  status: string
  company_name: string
  credit_code: string
  contact_mobile: string
  payment_method: string
  amount_due_fen: number
  building_id: string
  building_name_zh: string
  building_name_en: string
  district: string
  manager_id: string | null
  install_date: string
  install_slot: string
  flagged_reason: string | null
  created_at: string
  entered_status_at: string
}

/** Whose orders a staff member sees: all, or those of their own buildings. */
export type BuildingScope = 'all' | string[]

const SHANGHAI_MIDNIGHT = 'T00:00:00+08:00'
const NEXT_DAY_MS = 24 * 60 * 60 * 1000

/** `%`, `_` and the escape itself mean themselves in a search. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`

/**
 * The ways one search may be meant (it arrives trimmed, spaces collapsed, full-width folded): as
 * typed, for names; as a code without spaces or dashes, for order numbers and credit codes; as a
 * mobile number when it is only digits once spaces, dashes, brackets and a +86 / 0086 are dropped.
 */
export function searchForms(q: string): { text: string; code: string | undefined; mobile: string | undefined } {
  const code = q.replace(/[\s-]/g, '').toUpperCase()
  const digits = q.replace(/[\s\-()]/g, '').replace(/^(\+|00)86(?=\d{5,})/, '')
  return { text: q, code: code === '' ? undefined : code, mobile: /^\d+$/.test(digits) ? digits : undefined }
}

/**
 * The trigrams that narrow a search to its candidate orders: the rarest of each way it may be meant
 * (an order matching any way holds all of that way's trigrams), or undefined to search without the
 * index, when a way is too short for a trigram or made only of common ones (which match soon anyway).
 */
async function searchNarrowing(db: Kysely<Database>, text: string, mobile: string | undefined): Promise<string[] | undefined> {
  const grams: string[] = []
  for (const form of new Set([normalizeForSearch(text), ...(mobile ? [mobile] : [])])) {
    const gram = await rarestSearchGram(db, form)
    if (!gram) return undefined
    grams.push(gram)
  }
  return grams
}

/** When the order entered the status it is in: its latest timeline entry of that status. */
const enteredStatusAt = (eb: ExpressionBuilder<Database, 'orders'>) =>
  eb
    .selectFrom('order_events')
    .select((inner) => inner.fn.max('order_events.created_at').as('at'))
    .whereRef('order_events.order_id', '=', 'orders.id')
    .whereRef('order_events.status', '=', 'orders.status')

/**
 * The fulfilment queue, newest first, one page after `cursor` (keyset: created_at, id). Filters and
 * lateness are SQL, so a deep page costs what the first does.
 */
export async function queueOrders(
  db: Kysely<Database>,
  scope: BuildingScope,
  filters: OrderQueueQuery,
  sla: SlaThresholds,
  cursor: Keyset | undefined,
  limit: number,
): Promise<QueueRow[]> {
  let query = db
    .selectFrom('orders')
    .innerJoin('buildings', 'buildings.id', 'orders.building_id')
    .select([
      'orders.id',
      'orders.number',
      'orders.status',
      'orders.company_name',
      'orders.credit_code',
      'orders.contact_mobile',
      'orders.payment_method',
      'orders.amount_due_fen',
      'orders.building_id',
      'buildings.name_zh as building_name_zh',
      'buildings.name_en as building_name_en',
      'buildings.district',
      'orders.manager_id',
      'orders.install_date',
      'orders.install_slot',
      'orders.flagged_reason',
      'orders.created_at',
    ])
    .select((eb) => enteredStatusAt(eb).as('entered_status_at'))
  if (scope !== 'all') query = scope.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('orders.building_id', 'in', scope)
  if (filters.state) query = query.where('orders.status', '=', filters.state)
  if (filters.district) query = query.where('buildings.district', '=', filters.district)
  if (filters.building) query = query.where('orders.building_id', '=', filters.building)
  if (filters.manager) query = query.where('orders.manager_id', '=', filters.manager)
  if (filters.payment) query = query.where('orders.payment_method', '=', filters.payment)
  if (filters.from) query = query.where('orders.created_at', '>=', new Date(`${filters.from}${SHANGHAI_MIDNIGHT}`).toISOString())
  if (filters.to) query = query.where('orders.created_at', '<', new Date(new Date(`${filters.to}${SHANGHAI_MIDNIGHT}`).getTime() + NEXT_DAY_MS).toISOString())
  if (filters.q) {
    const { text, code, mobile } = searchForms(filters.q)
    const narrowing = await searchNarrowing(db, text, mobile)
    // Fetched first and named, the candidates (a few thousand at most) are primary-key lookups on
    // both databases, whatever a planner would make of a subquery (measured on PostgreSQL at city
    // scale: a mobile's search p50 22 → 17 ms).
    const candidates = narrowing && (await searchCandidates(db, narrowing))
    if (candidates) query = candidates.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('orders.id', 'in', candidates)
    query = query.where((eb) =>
      eb.or([
        eb('orders.number', 'like', likePattern(text.toUpperCase())),
        eb('orders.company_name', 'like', likePattern(text)),
        // Chinese names have no spaces: "上海 测试" is looked for as "上海测试" as well.
        ...(text.includes(' ') ? [eb('orders.company_name', 'like', likePattern(text.replaceAll(' ', '')))] : []),
        ...(code
          ? [
              // Order numbers are stored with their dash; staff read them out or retype them without it.
              eb(sql<string>`replace(${sql.ref('orders.number')}, '-', '')`, 'like', likePattern(code)),
              eb('orders.credit_code', 'like', likePattern(code)),
            ]
          : []),
        ...(mobile ? [eb('orders.contact_mobile', 'like', likePattern(mobile))] : []),
      ]),
    )
  }
  if (filters.late) {
    // Said once more on its own, so the status indexes narrow the search before lateness is computed.
    query = query.where('orders.status', 'in', ['paid', 'confirmed', 'scheduled'])
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb('orders.status', 'in', ['paid', 'confirmed']),
          eb(enteredStatusAt(eb), '<=', sla.unscheduledSince),
        ]),
        eb.and([
          eb('orders.status', '=', 'scheduled'),
          eb.or([
            eb('orders.install_date', '<', sla.today),
            ...(sla.slotsOverToday.length > 0 ? [eb.and([eb('orders.install_date', '=', sla.today), eb('orders.install_slot', 'in', sla.slotsOverToday)])] : []),
          ]),
        ]),
      ]),
    )
  }
  // A row-value comparison, not `a < x or (a = x and b < y)`: both databases seek the (created_at, id)
  // index to the cursor with it, where the `or` form makes SQLite walk every newer row first.
  if (cursor) query = query.where((eb) => eb(eb.refTuple('orders.created_at', 'orders.id'), '<', eb.tuple(cursor.createdAt, cursor.id)))
  const rows = await query.orderBy('orders.created_at', 'desc').orderBy('orders.id', 'desc').limit(limit).execute()
  return rows.map((row) => ({ ...row, entered_status_at: String(row.entered_status_at ?? row.created_at) }))
}
