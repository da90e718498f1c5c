import { z } from 'zod'
import type { Services } from '../services/services'
import { firstText, staffFormFlash } from './staff-form-flash'

/**
 * A refused approval form's fields, kept so it comes back as typed (the redirect carries only the
 * flash's id). Only the approver who typed them gets them back.
 */
const text = z.string().max(2000).catch('')
const decisionFormSchema = z.object({ publishAt: text, validUntil: text, districts: z.array(z.string().max(40)).max(20).catch([]), buildingIds: text, comment: text })
export type CatalogDecisionFormValues = z.infer<typeof decisionFormSchema>
const decisionForm = staffFormFlash(decisionFormSchema)

const one = (value: unknown) => firstText(value, 2000)

export const saveCatalogDecisionForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, fields: Record<string, unknown>) =>
  decisionForm.save(services, staffId, {
    publishAt: one(fields.publishAt),
    validUntil: one(fields.validUntil),
    districts: [fields.districts].flat().filter((entry): entry is string => typeof entry === 'string').slice(0, 20),
    buildingIds: one(fields.buildingIds),
    comment: one(fields.comment),
  })

export const readCatalogDecisionForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, id: string): Promise<CatalogDecisionFormValues | undefined> => decisionForm.read(services, staffId, id)
