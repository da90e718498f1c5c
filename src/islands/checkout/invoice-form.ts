import { invoiceDetailsSchema, invoiceFields, type InvoiceDetails, type InvoiceField } from '../../../server/schemas/invoice-details'

/** The form control of an invoice field: `invoice.title` in problems, `checkout-invoice.title`… as its id. */
export const invoiceControl = (field: InvoiceField) => `invoice.${field}`

/**
 * The invoice part of the checkout form, validated with the API's own schema. An empty title or
 * taxpayer id is the company's name or credit code (what nearly every firm wants); digits typed
 * full-width by an input method become ASCII. Registered details are read only for a special invoice.
 */
export function readInvoice(value: (name: string) => string, company: { name: string; creditCode: string }): { invoice: InvoiceDetails } | { invalid: InvoiceField[] } {
  const read = (field: InvoiceField) => value(invoiceControl(field)).normalize('NFKC').trim()
  const kind = read('kind') || 'general'
  const parsed = invoiceDetailsSchema.safeParse({
    kind,
    title: read('title') || company.name,
    taxpayerId: read('taxpayerId') || company.creditCode,
    ...(kind === 'special' ? { address: read('address'), phone: read('phone'), bank: read('bank'), account: read('account') } : {}),
  })
  if (parsed.success) return { invoice: parsed.data }
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'kind')))
  // A title or taxpayer id left to the company's own is wrong only where the company's field says so.
  const defaulted = (field: InvoiceField) => (field === 'title' || field === 'taxpayerId') && read(field) === ''
  return { invalid: invoiceFields.filter((field) => invalid.has(field) && !defaulted(field)) }
}
