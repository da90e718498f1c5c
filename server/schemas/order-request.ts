import { z } from 'zod'
import { isValidCreditCode } from '../domain/credit-code'
import { installSlotKinds } from '../domain/install-slots'
import { attributionSchema } from './attribution'
import { contactEmailSchema, verificationProofSchema } from './email-verification'
import { invoiceDetailsSchema } from './invoice-details'
import { MAINLAND_MOBILE, normalizeMobile } from './mainland-mobile'
import { line } from './text'

const text = (max: number) => line().trim().min(1).max(max)
const halfWidth = (value: string) => value.normalize('NFKC')

/** 统一社会信用代码 as typed: full-width characters (an input method's), spaces and lower case are slips; the check character must hold. */
export const creditCodeSchema = line()
  .overwrite((value) => halfWidth(value).replace(/\s+/g, ''))
  .toUpperCase()
  .refine(isValidCreditCode, '18-character unified social credit code with a valid check character')

/**
 * An order names a stored quote and who, where and when; it never carries a price. Every object is
 * strict, so a body with a price, total or discount field anywhere is refused (400).
 */
export const orderRequestSchema = z.strictObject({
  quoteId: line().min(1).max(64),
  company: z.strictObject({
    name: text(100),
    creditCode: creditCodeSchema,
  }),
  contact: z.strictObject({
    name: text(50),
    mobile: line().transform(normalizeMobile).pipe(z.string().regex(MAINLAND_MOBILE, 'a mainland mobile number')),
    email: contactEmailSchema,
  }),
  // A floor and unit typed with a Chinese input method's full-width digits are kept as the crews read them: "１２" as "12".
  site: z.strictObject({ buildingId: line().min(1).max(64), floor: text(20).transform(halfWidth), unit: text(30).transform(halfWidth) }),
  installSlot: z.strictObject({ date: z.iso.date(), slot: z.enum(installSlotKinds) }),
  payment: z.strictObject({ method: z.enum(['online', 'invoice']) }),
  /** The VAT invoice's buyer; without it a general invoice to the company under its credit code. */
  invoice: invoiceDetailsSchema.optional(),
  /**
   * Proof that the contact reads `contact.email` (POST /api/verifications). Optional here so that an
   * order without it gets the clear 422 `email_not_verified` rather than a generic 400.
   */
  verification: verificationProofSchema.optional(),
  acceptTerms: z.literal(true, 'the contract terms must be accepted'),
  lang: z.enum(['zh', 'en']).default('zh'),
  attribution: attributionSchema.optional(),
})

export type OrderRequest = z.infer<typeof orderRequestSchema>
export type OrderRequestInput = z.input<typeof orderRequestSchema>

export const idempotencyKeySchema = line().min(1).max(255)
