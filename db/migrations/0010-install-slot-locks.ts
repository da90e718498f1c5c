import type { Kysely } from 'kysely'

/**
 * One row per district, day and half-day that operations have booked installations into: bookers
 * of the same slot lock this row (an `update` of it) before they count and book, so on PostgreSQL
 * (read committed) the second waits for the first to commit and then counts its booking too.
 * Nothing else is kept here: what is booked is still counted from the orders themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('install_slot_locks')
    .addColumn('district', 'text', (col) => col.notNull())
    .addColumn('install_date', 'text', (col) => col.notNull())
    .addColumn('install_slot', 'text', (col) => col.notNull())
    .addColumn('locked_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('install_slot_locks_pk', ['district', 'install_date', 'install_slot'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('install_slot_locks').execute()
}
