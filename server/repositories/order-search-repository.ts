import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { orderSearchGrams, searchGrams } from '../domain/search-grams'

type SearchedOrder = { id: string } & Parameters<typeof orderSearchGrams>[0]

/** Indexes orders for the queue's search; in the transaction that writes them. */
export async function indexOrdersForSearch(db: Kysely<Database>, orders: SearchedOrder[]): Promise<void> {
  const rows = orders.flatMap((order) => orderSearchGrams(order).map((gram) => ({ gram, order_id: order.id })))
  // Two parameters a row: well below SQLite's 32,766 per statement.
  for (let start = 0; start < rows.length; start += 10_000) await db.insertInto('order_search_grams').values(rows.slice(start, start + 10_000)).execute()
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

/** The orders holding any of these (rare) trigrams: at most COMMON_GRAM_ORDERS for each. */
export async function searchCandidates(db: Kysely<Database>, grams: string[]): Promise<string[]> {
  const rows = await db.selectFrom('order_search_grams').select('order_id').distinct().where('gram', 'in', grams).execute()
  return rows.map((row) => row.order_id)
}
