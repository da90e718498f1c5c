import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { InvoiceDetails } from '../schemas/invoice-details'

type Db = Kysely<Database> | Transaction<Database>

const columnsOf = (details: InvoiceDetails) => ({
  kind: details.kind,
  title: details.title,
  taxpayer_id: details.taxpayerId,
  registered_address: details.kind === 'special' ? details.address : null,
  registered_phone: details.kind === 'special' ? details.phone : null,
  bank_name: details.kind === 'special' ? details.bank : null,
  bank_account: details.kind === 'special' ? details.account : null,
})

function detailsOf(row: Selectable<Database['order_invoices']>): InvoiceDetails {
  const common = { title: row.title, taxpayerId: row.taxpayer_id }
  return row.kind === 'special'
    ? { kind: 'special', ...common, address: row.registered_address ?? '', phone: row.registered_phone ?? '', bank: row.bank_name ?? '', account: row.bank_account ?? '' }
    : { kind: 'general', ...common }
}

/** The insert of an order's invoice details (run it, or write it with the order). */
export function insertInvoiceDetails(db: Db, orderId: string, details: InvoiceDetails, at: string) {
  return db.insertInto('order_invoices').values({ order_id: orderId, ...columnsOf(details), updated_at: at })
}

/** Null for an order placed before invoices were kept with orders. */
export async function findInvoiceDetails(db: Db, orderId: string): Promise<InvoiceDetails | null> {
  const row = await db.selectFrom('order_invoices').selectAll().where('order_id', '=', orderId).executeTakeFirst()
  return row ? detailsOf(row) : null
}

/** Replaces the order's invoice details (inserted when the order had none). */
export async function saveInvoiceDetails(db: Db, orderId: string, details: InvoiceDetails, at: string): Promise<void> {
  const updated = await db.updateTable('order_invoices').set({ ...columnsOf(details), updated_at: at }).where('order_id', '=', orderId).executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) await insertInvoiceDetails(db, orderId, details, at).execute()
}
