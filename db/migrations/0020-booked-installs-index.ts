import type { Kysely } from 'kysely'

/**
 * Every order counts the installations booked in its district's half-day before it is placed.
 * Without this index SQLite went by district, looking up each of its buildings' orders in turn
 * (hundreds of buildings in a city); with it, by date and slot, that half-day's orders only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_install_slot_idx').on('orders').columns(['install_date', 'install_slot']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_install_slot_idx').execute()
}
