import type { Kysely } from 'kysely'

/**
 * The fulfilment queue at city scale (100,000 orders): newest first by keyset (created_at, id),
 * optionally one status or one building, without sorting the whole table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_queue_idx').on('orders').columns(['created_at', 'id']).execute()
  await db.schema.createIndex('orders_status_queue_idx').on('orders').columns(['status', 'created_at', 'id']).execute()
  await db.schema.createIndex('orders_building_queue_idx').on('orders').columns(['building_id', 'created_at', 'id']).execute()
  await db.schema.createIndex('buildings_district_idx').on('buildings').column('district').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['buildings_district_idx', 'orders_building_queue_idx', 'orders_status_queue_idx', 'orders_queue_idx']) await db.schema.dropIndex(index).execute()
}
