import { z } from 'zod'
import { VERIFICATION_CODE_DIGITS } from '../domain/email-verification'
import { line } from './text'

/** The address an order will write to, as the order form sends it (spaces around it are a typing slip). */
export const contactEmailSchema = z.string().trim().pipe(z.email().max(200))

export const verificationRequestSchema = z.strictObject({
  email: contactEmailSchema,
  lang: z.enum(['zh', 'en']).default('zh'),
})

export const verificationCodeSchema = line().regex(new RegExp(`^\\d{${VERIFICATION_CODE_DIGITS}}$`), `${VERIFICATION_CODE_DIGITS} digits`)

export const verificationConfirmSchema = z.strictObject({ code: verificationCodeSchema })

/** What an order carries to prove its contact e-mail: the verification's id and the mailed code. */
export const verificationProofSchema = z.strictObject({ id: line().min(1).max(64), code: verificationCodeSchema })

export type VerificationRequest = z.infer<typeof verificationRequestSchema>
export type VerificationProof = z.infer<typeof verificationProofSchema>
