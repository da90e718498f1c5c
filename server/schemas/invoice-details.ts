import { z } from 'zod'
import { line } from './text'

/** 普通发票 (general VAT invoice) or 增值税专用发票 (special VAT invoice, lets the buyer deduct input VAT). */
export const invoiceKinds = ['general', 'special'] as const

export type InvoiceKind = (typeof invoiceKinds)[number]

/** The fields of the form and the API, in the order they are on screen. */
export const invoiceFields = ['kind', 'title', 'taxpayerId', 'address', 'phone', 'bank', 'account'] as const

export type InvoiceField = (typeof invoiceFields)[number]

// What the tax office's invoicing system accepts: a title of up to 100 characters, a taxpayer id of
// 15, 17, 18 or 20 letters and digits (today the 18-character credit code), an account of digits only.
const TAXPAYER_ID = /^[0-9A-Z]{15}$|^[0-9A-Z]{17,18}$|^[0-9A-Z]{20}$/
const PHONE = /^[0-9+\-() ]{7,20}$/
const ACCOUNT = /^\d{8,30}$/

const text = (max: number) => line().trim().min(1).max(max)
/** Spaces a customer copies from a bank slip ("6222 0212 …") are not part of the number. */
const withoutSpaces = (value: string) => value.replace(/\s+/g, '')

const common = {
  title: text(100),
  taxpayerId: line().transform(withoutSpaces).transform((value) => value.toUpperCase()).pipe(z.string().regex(TAXPAYER_ID, '15–20 letters and digits')),
}

/**
 * The buyer's details printed on the VAT invoice. A special invoice also needs the registered address,
 * phone, bank and account exactly as the tax registration has them.
 */
export const invoiceDetailsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('general'), ...common }),
  z.strictObject({
    kind: z.literal('special'),
    ...common,
    address: text(120),
    phone: line().trim().regex(PHONE, '7–20 digits, with + - ( ) or spaces'),
    bank: text(60),
    account: line().transform(withoutSpaces).pipe(z.string().regex(ACCOUNT, '8–30 digits')),
  }),
])

export type InvoiceDetails = z.infer<typeof invoiceDetailsSchema>
export type InvoiceDetailsInput = z.input<typeof invoiceDetailsSchema>

/** Without details the invoice is a general one to the ordering company, under its credit code. */
export function defaultInvoiceDetails(company: { name: string; creditCode: string }): InvoiceDetails {
  return { kind: 'general', title: company.name, taxpayerId: company.creditCode }
}
