import { z } from 'zod'
import type { Services } from '../services/services'
import { firstText, staffFormFlash } from './staff-form-flash'

/**
 * A refused e-mail visit schedule's two typed fields (the campaign tag and the send time), kept so the
 * send form comes back as typed: an empty send time means "now", so a form that came back empty
 * and was sent again mailed everyone at once, under no campaign. The rest of the form is the preview's
 * own address. Only the staff member who typed them gets them back.
 */
export { FORM_FLASH_PARAM as EMAIL_VISIT_FORM_PARAM } from './forms'

const emailVisitFormSchema = z.object({ utmCampaign: z.string().max(60).catch(''), sendAt: z.string().max(40).catch('') })
export type EmailVisitFormValues = z.infer<typeof emailVisitFormSchema>
const emailVisitForm = staffFormFlash(emailVisitFormSchema)

export const saveEmailVisitForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, fields: Record<string, unknown>) =>
  emailVisitForm.save(services, staffId, { utmCampaign: firstText(fields.utmCampaign, 60), sendAt: firstText(fields.sendAt, 40) })

/** The refused form behind an id for this staff member, or undefined (expired, made up, or someone else's). */
export const readEmailVisitForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, id: string): Promise<EmailVisitFormValues | undefined> => emailVisitForm.read(services, staffId, id)
