import { z } from 'zod'
import { offeringSlug } from '../pricing/catalog-schema'
import { offerCodeListStates } from '../repositories/offer-codes-repository'
import { contactEmailSchema } from './email-verification'
import { creditCodeSchema } from './order-request'
import { blankless } from './form-fields'
import { line } from './text'


/** Issuing a win-back code (console form or JSON): for one company at one building, until the end of a day (Shanghai). */
export const issueOfferCodeSchema = z.object({
  companyName: line().trim().min(1).max(100),
  creditCode: creditCodeSchema,
  buildingId: line().min(1).max(64),
  offering: offeringSlug,
  /** The last day the code may be used (YYYY-MM-DD, Shanghai): it expires at the end of that day. */
  expiresOn: z.iso.date(),
  /** When given, the code is e-mailed to the company's contact at this address. */
  email: blankless(contactEmailSchema),
  /** The language of that e-mail and of the offer link in it. */
  lang: z.enum(['zh', 'en']).default('zh'),
})
export type IssueOfferCodeInput = z.infer<typeof issueOfferCodeSchema>

export const offerCodeListQuerySchema = z.object({
  state: blankless(z.enum(offerCodeListStates)),
  building: blankless(line().max(64)),
  q: z.preprocess((value) => (typeof value === 'string' ? value.normalize('NFKC').replace(/\s+/g, ' ').trim() || undefined : value), line().max(80).optional()),
  after: blankless(line().max(200)),
  limit: blankless(z.coerce.number().int().min(1).max(200)),
})
export type OfferCodeListQueryInput = z.infer<typeof offerCodeListQuerySchema>

/** Why a code is withdrawn: at least 3 characters besides spaces. */
export const revokeOfferCodeSchema = z.object({
  reason: z.preprocess((value) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value), line().min(3).max(500)),
})
