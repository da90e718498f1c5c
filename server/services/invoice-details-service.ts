import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { AppError } from '../errors'
import { recordAudit, type AuditActor } from '../repositories/audit-repository'
import { findInvoiceDetails, saveInvoiceDetails } from '../repositories/order-invoices-repository'
import { findOrder } from '../repositories/orders-repository'
import { invoiceDetailsSchema, type InvoiceDetails } from '../schemas/invoice-details'
import { issuesOf } from '../validation'

/**
 * Operations correct the buyer on an order's VAT invoice (a customer asks for a special invoice
 * after ordering, or the finance department sends the registered bank details). Validated like the
 * checkout; the change and what it replaced go to the audit log in the same transaction.
 */
export async function updateInvoiceDetails(db: Kysely<Database>, orderId: string, details: unknown, by: AuditActor, now: Date = new Date()): Promise<InvoiceDetails> {
  const parsed = invoiceDetailsSchema.safeParse(details)
  if (!parsed.success) throw new AppError('invalid_request', 'The invoice details are not valid.', issuesOf(parsed.error))
  return db.transaction().execute(async (trx) => {
    if (!(await findOrder(trx, orderId))) throw new AppError('order_not_found', 'There is no order with this id.')
    const before = await findInvoiceDetails(trx, orderId)
    await saveInvoiceDetails(trx, orderId, parsed.data, now.toISOString())
    await recordAudit(trx, { actor: by, action: 'order.invoice_details_changed', subject: { kind: 'order', id: orderId }, before, after: parsed.data }, now)
    return parsed.data
  })
}
