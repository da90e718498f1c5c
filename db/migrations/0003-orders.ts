import type { Kysely } from 'kysely'

/**
 * Orders and everything placed with them in one transaction: items copied from the quote, port
 * reservations, fulfilment work orders, the status timeline, outbox messages; plus idempotency
 * keys and processed Stripe events. Money in integer fen (bigint).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('quote_id', 'text', (col) => col.notNull().unique().references('quotes.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('payment_method', 'text', (col) => col.notNull())
    .addColumn('amount_due_fen', 'bigint', (col) => col.notNull())
    .addColumn('monthly_fen', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('company_name', 'text', (col) => col.notNull())
    .addColumn('credit_code', 'text', (col) => col.notNull())
    .addColumn('contact_name', 'text', (col) => col.notNull())
    .addColumn('contact_mobile', 'text', (col) => col.notNull())
    .addColumn('contact_email', 'text', (col) => col.notNull())
    .addColumn('lang', 'text', (col) => col.notNull())
    .addColumn('building_id', 'text', (col) => col.notNull().references('buildings.id'))
    .addColumn('floor', 'text', (col) => col.notNull())
    .addColumn('unit', 'text', (col) => col.notNull())
    .addColumn('install_date', 'text', (col) => col.notNull())
    .addColumn('install_slot', 'text', (col) => col.notNull())
    .addColumn('manager_id', 'text', (col) => col.references('building_managers.id'))
    .addColumn('queue_district', 'text')
    .addColumn('fibre_ports_reserved', 'integer', (col) => col.notNull())
    .addColumn('voice_ports_reserved', 'integer', (col) => col.notNull())
    .addColumn('tracking_token', 'text', (col) => col.notNull())
    .addColumn('stripe_session_id', 'text')
    .addColumn('flagged_reason', 'text')
    .addColumn('attribution_json', 'text')
    .addColumn('terms_accepted_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('orders_manager_idx').on('orders').columns(['manager_id', 'created_at']).execute()

  await db.schema
    .createTable('order_items')
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('label_zh', 'text', (col) => col.notNull())
    .addColumn('label_en', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('amount_fen', 'bigint', (col) => col.notNull())
    .addColumn('waived', 'integer', (col) => col.notNull())
    .addColumn('rule', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_items_pk', ['order_id', 'position'])
    .execute()

  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('details_json', 'text', (col) => col.notNull())
    .addColumn('manager_id', 'text', (col) => col.references('building_managers.id'))
    .addColumn('queue_district', 'text')
    .addColumn('scheduled_date', 'text')
    .addColumn('scheduled_slot', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('work_orders_order_idx').on('work_orders').column('order_id').execute()

  await db.schema
    .createTable('order_events')
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_events_pk', ['order_id', 'sequence'])
    .execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('lang', 'text', (col) => col.notNull())
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer', (col) => col.notNull())
    .addColumn('response_json', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('stripe_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text')
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['stripe_events', 'idempotency_keys', 'outbox', 'order_events', 'work_orders', 'order_items', 'orders']) {
    await db.schema.dropTable(table).execute()
  }
}
