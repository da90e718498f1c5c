import { z } from 'zod'
import type { Services } from '../services/services'
import { firstText, staffFormFlash } from './staff-form-flash'

/**
 * A refused form issuing a win-back code, kept so it comes back as typed (the redirect carries only
 * the flash's id, never what was typed). Only the staff member who typed it gets it back.
 */
const text = z.string().max(200).catch('')
const offerCodeFormSchema = z.object({ companyName: text, creditCode: text, buildingId: text, offering: text, expiresOn: text, email: text, lang: text })
export type OfferCodeFormValues = z.infer<typeof offerCodeFormSchema>
const offerCodeForm = staffFormFlash(offerCodeFormSchema)

export const saveOfferCodeForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, fields: Record<string, unknown>) =>
  offerCodeForm.save(services, staffId, Object.fromEntries(Object.keys(offerCodeFormSchema.shape).map((name) => [name, firstText(fields[name], 200)])) as OfferCodeFormValues)

/** The refused form behind an id for this staff member, or undefined (expired, made up, or someone else's). */
export const readOfferCodeForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, id: string): Promise<OfferCodeFormValues | undefined> => offerCodeForm.read(services, staffId, id)
