import type { Kysely } from 'kysely'

/**
 * Every order indexed under the trigrams of its number, company name, credit code and mobile, so
 * the queue's free-text search narrows to a few candidate orders instead of scanning them all
 * (server/domain/search-grams.ts). Orders placed before this migration are indexed here, with the
 * normalisation of the day copied below: a migration never imports the application.
 */
const BATCH = 1_000

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_search_grams')
    .addColumn('gram', 'text', (col) => col.notNull())
    // No foreign key: a derived index, written with its order in one transaction (orders are never
    // deleted), that would otherwise check the orders table 45 times per order written.
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_search_grams_pk', ['gram', 'order_id'])
    .execute()

  for (let after = ''; ; ) {
    const orders = await db.selectFrom('orders').select(['id', 'number', 'company_name', 'credit_code', 'contact_mobile']).where('id', '>', after).orderBy('id').limit(BATCH).execute()
    if (orders.length === 0) break
    const rows = orders.flatMap((order) => trigrams([order.number, order.company_name, order.credit_code, order.contact_mobile]).map((gram) => ({ gram, order_id: order.id })))
    // 2 parameters a row: well below SQLite's 32,766 per statement.
    for (let start = 0; start < rows.length; start += 10_000) await db.insertInto('order_search_grams').values(rows.slice(start, start + 10_000)).execute()
    after = orders[orders.length - 1].id
  }
}

export function trigrams(texts: string[]): string[] {
  const grams = new Set<string>()
  for (const text of texts) {
    const characters = [...text.normalize('NFKC').replace(/[\s\-()（）]/g, '').toUpperCase()]
    for (let start = 0; start + 3 <= characters.length; start++) grams.add(characters.slice(start, start + 3).join(''))
  }
  return [...grams]
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_search_grams').execute()
}
