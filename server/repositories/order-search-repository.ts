import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { orderSearchGrams, searchGrams } from '../domain/search-grams'
import { isPostgres } from './dialect'

type SearchedOrder = { id: string } & Parameters<typeof orderSearchGrams>[0]

/**
 * The insert that queues a new order for the search index, written with the order. One row, where its
 * trigrams were some 45 on as many pages of the index: the search-index job writes those in batches
 * (server/services/search-index-job.ts), and the search looks at queued orders meanwhile.
 */
export function queueForSearchIndex(db: Kysely<Database>, orderId: string, at: string) {
  return db.insertInto('order_search_backlog').values({ order_id: orderId, queued_at: at })
}

/**
 * Puts up to `limit` queued orders, oldest first, under their trigrams and takes them off the queue;
 * in one transaction (pass it). Answers how many. A trigram already there is left as it is, so a
 * second indexer in another process at the same moment does no harm.
 */
export async function indexQueuedOrders(trx: Kysely<Database>, limit: number): Promise<number> {
  const queued = await trx
    .selectFrom('order_search_backlog')
    .innerJoin('orders', 'orders.id', 'order_search_backlog.order_id')
    .select(['orders.id', 'orders.number', 'orders.company_name', 'orders.credit_code', 'orders.contact_mobile'])
    .orderBy('order_search_backlog.queued_at')
    .orderBy('order_search_backlog.order_id')
    .limit(limit)
    .execute()
  if (queued.length === 0) return 0
  await indexOrdersForSearch(trx, queued)
  await trx.deleteFrom('order_search_backlog').where('order_id', 'in', queued.map((order) => order.id)).execute()
  return queued.length
}

/** Puts orders under their trigrams (a batch: queued orders, a generated city's); a trigram already there is left as it is. */
export async function indexOrdersForSearch(db: Kysely<Database>, orders: SearchedOrder[]): Promise<void> {
  // Sorted (by code unit, SQLite's order; near enough PostgreSQL's collation), the rows go into the index page after page.
  const rows = orders.flatMap((order) => orderSearchGrams(order).map((gram) => ({ gram, order_id: order.id }))).sort((a, b) => (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : a.order_id < b.order_id ? -1 : 1))
  // The rows as one value, however many: a VALUES list of two parameters a row was a new statement
  // for PostgreSQL to parse and plan every batch (half of the batch's cost there, some 0.5 ms of
  // PostgreSQL's CPU per order placed; measured), and for Kysely to build, on either database.
  if (isPostgres(db)) {
    const grams = rows.map((row) => row.gram)
    const orderIds = rows.map((row) => row.order_id)
    await sql`insert into order_search_grams (gram, order_id) select * from unnest(${grams}::text[], ${orderIds}::text[]) on conflict (gram, order_id) do nothing`.execute(db)
    return
  }
  // SQLite reads them from one JSON array of [gram, order id] pairs (`where true`: an INSERT … SELECT
  // takes an ON CONFLICT clause only after a WHERE, or its parser reads the clause as a join's ON).
  const pairs = JSON.stringify(rows.map((row) => [row.gram, row.order_id]))
  await sql`insert into order_search_grams (gram, order_id) select value ->> 0, value ->> 1 from json_each(${pairs}) where true on conflict (gram, order_id) do nothing`.execute(db)
}

/**
 * Above this many orders a trigram narrows little: a search made only of such common pieces matches
 * many orders, and the queue's own scan finds its first page soon without the index.
 */
export const COMMON_GRAM_ORDERS = 2_000

/**
 * The rarest trigram of a searched text, to narrow the search to the orders holding it: undefined
 * when the text is too short to have one, or when even its rarest piece is common. Counting stops at
 * COMMON_GRAM_ORDERS, so this costs a few index reads per piece however common they are.
 */
export async function rarestSearchGram(db: Kysely<Database>, text: string): Promise<string | undefined> {
  let rarest: { gram: string; orders: number } | undefined
  for (const gram of searchGrams(text)) {
    const capped = db.selectFrom('order_search_grams').select('order_id').where('gram', '=', gram).limit(COMMON_GRAM_ORDERS)
    const { orders } = await db
      .selectFrom(capped.as('holding'))
      .select((eb) => eb.fn.countAll<number | string>().as('orders'))
      .executeTakeFirstOrThrow()
    const count = Number(orders)
    if (count === 0) return gram
    if (count < COMMON_GRAM_ORDERS && (!rarest || count < rarest.orders)) rarest = { gram, orders: count }
  }
  return rarest?.gram
}

/**
 * The orders holding any of these (rare) trigrams, at most COMMON_GRAM_ORDERS for each, and the
 * orders queued for the index (a second or so of new ones while the job keeps up), which the search
 * then checks as it checks every candidate. Undefined when the queue is longer than that (the job is
 * behind or failing): the search then scans, rather than name that many candidates.
 */
export async function searchCandidates(db: Kysely<Database>, grams: string[]): Promise<string[] | undefined> {
  const queued = await db.selectFrom('order_search_backlog').select('order_id').limit(COMMON_GRAM_ORDERS + 1).execute()
  if (queued.length > COMMON_GRAM_ORDERS) return undefined
  const indexed = await db.selectFrom('order_search_grams').select('order_id').distinct().where('gram', 'in', grams).execute()
  return [...new Set([...indexed, ...queued].map((row) => row.order_id))]
}
