import { z } from 'zod'
import { isValidCreditCode } from '../domain/credit-code'
import { VERIFICATION_CODE_DIGITS } from '../domain/email-verification'
import { MAINLAND_MOBILE, normalizeMobile } from './mainland-mobile'
import { line } from './text'

/** The address an order will write to, as the order form sends it (spaces around it are a typing slip). */
export const contactEmailSchema = z.string().trim().pipe(z.email().max(200))

const typed = (max: number) => line().trim().min(1).max(max)

/**
 * What the checkout had typed when its customer agreed to be called about the quote: only what was
 * filled in (and, for the mobile and credit code, valid) is sent. Kept only with consent.
 */
export const followUpDetailsSchema = z.strictObject({
  quoteId: line().min(1).max(64),
  company: typed(100).optional(),
  contactName: typed(50).optional(),
  mobile: line().transform(normalizeMobile).pipe(z.string().regex(MAINLAND_MOBILE, 'a mainland mobile number')).optional(),
  creditCode: line().trim().toUpperCase().refine(isValidCreditCode, 'a unified social credit code').optional(),
  buildingId: line().min(1).max(64).optional(),
})

export const verificationRequestSchema = z.strictObject({
  email: contactEmailSchema,
  lang: z.enum(['zh', 'en']).default('zh'),
  /** The customer agrees that, should they not order, their building manager may call them about this quote. */
  consent: z.boolean().default(false),
  followUp: followUpDetailsSchema.optional(),
})

export const verificationCodeSchema = line().regex(new RegExp(`^\\d{${VERIFICATION_CODE_DIGITS}}$`), `${VERIFICATION_CODE_DIGITS} digits`)

export const verificationConfirmSchema = z.strictObject({ code: verificationCodeSchema })

/** What an order carries to prove its contact e-mail: the verification's id and the mailed code. */
export const verificationProofSchema = z.strictObject({ id: line().min(1).max(64), code: verificationCodeSchema })

export type VerificationRequest = z.infer<typeof verificationRequestSchema>
export type FollowUpDetails = z.infer<typeof followUpDetailsSchema>
export type VerificationProof = z.infer<typeof verificationProofSchema>
