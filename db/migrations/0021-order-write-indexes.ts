import { SqliteAdapter, sql, type Kysely } from 'kysely'

/**
 * Indexes every placed order writes or reads, made cheaper (measured with the order bench on SQLite:
 * the first two were about 0.13 ms and 0.3 ms of each order's 2.6 ms).
 *
 * - The booked installations of a half-day are counted before each order. By (date, slot) alone that
 *   read every order wishing for that half-day, booked or not, more with every order taken; with the
 *   status beside them (and the building, to join the district) it reads the booked ones only.
 * - An order writes some 45 search trigrams. On SQLite a table with a rowid keeps each row twice,
 *   in the table and in its primary-key index; without a rowid, once, in primary-key order.
 *   PostgreSQL has no such choice and keeps its table.
 * - An order wins the open leads of its company in the buildings of its building's manager: those
 *   buildings are found by manager, which read every building of the city without an index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropIndex('orders_install_slot_idx').execute()
    await trx.schema.createIndex('orders_booked_installs_idx').on('orders').columns(['install_date', 'install_slot', 'status', 'building_id']).execute()
    await trx.schema.createIndex('buildings_manager_idx').on('buildings').column('manager_id').execute()
    if (isSqlite(trx)) await rebuildSearchGrams(trx, sql`without rowid`)
  })
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    if (isSqlite(trx)) await rebuildSearchGrams(trx, sql``)
    await trx.schema.dropIndex('buildings_manager_idx').execute()
    await trx.schema.dropIndex('orders_booked_installs_idx').execute()
    await trx.schema.createIndex('orders_install_slot_idx').on('orders').columns(['install_date', 'install_slot']).execute()
  })
}

/**
 * Kysely runs a PostgreSQL migration in a transaction, a SQLite one statement by statement: a crash
 * between dropping the trigram table and renaming its copy would leave SQLite without it. SQLite's
 * DDL is transactional too, so it gets one here.
 */
const atomically = (db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>) => (db.isTransaction ? work(db) : db.transaction().execute(work))

/** SQLite cannot change how a table is stored: a copy is made that way and takes the table's name. */
async function rebuildSearchGrams(db: Kysely<any>, storage: ReturnType<typeof sql>): Promise<void> {
  await db.schema
    .createTable('order_search_grams_rebuilt')
    .addColumn('gram', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_search_grams_pk', ['gram', 'order_id'])
    .modifyEnd(storage)
    .execute()
  await sql`insert into order_search_grams_rebuilt (gram, order_id) select gram, order_id from order_search_grams`.execute(db)
  await db.schema.dropTable('order_search_grams').execute()
  await db.schema.alterTable('order_search_grams_rebuilt').renameTo('order_search_grams').execute()
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter
