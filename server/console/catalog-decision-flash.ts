import { z } from 'zod'
import { readFormFlash, saveFormFlash } from '../repositories/form-flashes-repository'
import type { Services } from '../services/services'

/**
 * A refused approval form's fields, kept so it comes back as typed (the redirect carries only the
 * flash's id). Only the approver who typed them gets them back.
 */
const text = z.string().max(2000).catch('')
const decisionFormSchema = z.object({
  by: z.string(),
  values: z.object({ publishAt: text, validUntil: text, districts: z.array(z.string().max(40)).max(20).catch([]), buildingIds: text, comment: text }),
})
export type CatalogDecisionFormValues = z.infer<typeof decisionFormSchema>['values']

const one = (value: unknown) => {
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.slice(0, 2000) : ''
}

export const saveCatalogDecisionForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, fields: Record<string, unknown>) =>
  saveFormFlash(
    services.db,
    {
      by: staffId,
      values: {
        publishAt: one(fields.publishAt),
        validUntil: one(fields.validUntil),
        districts: [fields.districts].flat().filter((entry): entry is string => typeof entry === 'string').slice(0, 20),
        buildingIds: one(fields.buildingIds),
        comment: one(fields.comment),
      },
    },
    services.now(),
  )

export async function readCatalogDecisionForm(services: Pick<Services, 'db' | 'now'>, staffId: string, id: string): Promise<CatalogDecisionFormValues | undefined> {
  const parsed = decisionFormSchema.safeParse(await readFormFlash(services.db, id, services.now()))
  return parsed.success && parsed.data.by === staffId ? parsed.data.values : undefined
}
