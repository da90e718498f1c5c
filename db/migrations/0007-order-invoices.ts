import type { Kysely } from 'kysely'

/**
 * The buyer on an order's VAT invoice (发票): kind `general` (普通发票) or `special` (增值税专用发票),
 * title and taxpayer id; a special invoice adds the registered address, phone, bank and account.
 * One row per order, written with the order and changed by operations later (audited).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_invoices')
    .addColumn('order_id', 'text', (col) => col.primaryKey().references('orders.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('taxpayer_id', 'text', (col) => col.notNull())
    .addColumn('registered_address', 'text')
    .addColumn('registered_phone', 'text')
    .addColumn('bank_name', 'text')
    .addColumn('bank_account', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('order_invoices').execute()
}
