import type { Kysely } from 'kysely'
import { trigrams } from './0015-order-search-grams'

/**
 * Orders placed but not yet under their search trigrams. An order's ~45 trigrams land on as many
 * pages of the index, and written with the order they were most of its write (SQLite's WAL carried
 * each of those pages at every group commit): the order now adds one row here, and the search-index
 * job moves queued orders under their trigrams in batches, where the pages are shared. The queue's
 * search looks at the queued orders as well, so it finds an order the moment it is placed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_search_backlog')
    .addColumn('order_id', 'text', (col) => col.primaryKey())
    .addColumn('queued_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('order_search_backlog_queued_idx').on('order_search_backlog').columns(['queued_at', 'order_id']).execute()
}

/** Going back, the orders still queued are put under their trigrams, as the search before this migration expects. */
export async function down(db: Kysely<any>): Promise<void> {
  // In one transaction on SQLite as well (Kysely gives one on PostgreSQL only): a crash between the
  // trigrams and the drop would write the trigrams a second time when run again.
  await (db.isTransaction ? indexQueuedOrdersThenDropQueue(db) : db.transaction().execute(indexQueuedOrdersThenDropQueue))
}

async function indexQueuedOrdersThenDropQueue(db: Kysely<any>): Promise<void> {
  const queued = await db
    .selectFrom('order_search_backlog')
    .innerJoin('orders', 'orders.id', 'order_search_backlog.order_id')
    .select(['orders.id', 'orders.number', 'orders.company_name', 'orders.credit_code', 'orders.contact_mobile'])
    .execute()
  const rows = queued.flatMap((order) => trigrams([order.number, order.company_name, order.credit_code, order.contact_mobile]).map((gram) => ({ gram, order_id: order.id })))
  // 2 parameters a row: well below SQLite's 32,766 per statement.
  for (let start = 0; start < rows.length; start += 10_000) await db.insertInto('order_search_grams').values(rows.slice(start, start + 10_000)).execute()
  await db.schema.dropTable('order_search_backlog').execute()
}
