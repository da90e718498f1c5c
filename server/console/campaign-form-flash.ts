import { z } from 'zod'
import type { Services } from '../services/services'
import { firstText, staffFormFlash } from './staff-form-flash'

/**
 * A refused campaign form's fields, kept so the form comes back as typed (the redirect carries only
 * the flash's id, never what was typed). Only the staff member who typed them gets them back.
 */
export { FORM_FLASH_PARAM as CAMPAIGN_FORM_PARAM } from './forms'

const text = z.string().max(200).catch('')
const list = z.array(z.string().max(64)).max(500).catch([])
const campaignFormSchema = z.object({ name: text, channel: text, utmCampaign: text, offerings: list, buildingIds: list, startsOn: text, endsOn: text })
export type CampaignFormValues = z.infer<typeof campaignFormSchema>
const campaignForm = staffFormFlash(campaignFormSchema)

const one = (value: unknown) => firstText(value, 200)
const many = (value: unknown) => [value].flat().filter((entry): entry is string => typeof entry === 'string' && entry !== '').map((entry) => entry.slice(0, 64)).slice(0, 500)

/** The form's fields as posted (one value or several per name), as the form shows them again. */
export const campaignFormValues = (fields: Record<string, unknown>): CampaignFormValues => ({
  name: one(fields.name),
  channel: one(fields.channel),
  utmCampaign: one(fields.utmCampaign),
  offerings: many(fields.offerings),
  buildingIds: many(fields.buildingIds),
  startsOn: one(fields.startsOn),
  endsOn: one(fields.endsOn),
})

/** The form as "Find buildings" sent it to its page by GET (a repeated parameter is a list). */
export const campaignFormDraft = (params: URLSearchParams): CampaignFormValues =>
  campaignFormValues(Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)])))

export const saveCampaignForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, fields: Record<string, unknown>) => campaignForm.save(services, staffId, campaignFormValues(fields))

/** The refused form behind an id for this staff member, or undefined (expired, made up, or someone else's). */
export const readCampaignForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, id: string): Promise<CampaignFormValues | undefined> => campaignForm.read(services, staffId, id)
