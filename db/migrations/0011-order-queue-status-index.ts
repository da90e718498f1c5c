import type { Kysely } from 'kysely'

/**
 * The queue's per-district status filters (a district's paid orders, its late ones) at city scale:
 * a district's buildings, then each building's orders of the few statuses asked for, instead of
 * every order of the district's buildings.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_building_status_queue_idx').on('orders').columns(['building_id', 'status', 'created_at', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_building_status_queue_idx').execute()
}
