import { z } from 'zod'
import { offeringSlug } from '../pricing/catalog-schema'
import { attributionSchema } from './attribution'
import { MAINLAND_MOBILE, normalizeMobile } from './mainland-mobile'
import { freeText, line } from './text'
import { leadSources } from '../domain/lead-status'

export { leadSources }

const text = (max: number) => line().trim().min(1).max(max)

export const leadRequestSchema = z.strictObject({
  company: text(100),
  contact: z.strictObject({
    name: text(50),
    mobile: line()
      .transform(normalizeMobile)
      .pipe(z.string().regex(MAINLAND_MOBILE, 'a mainland mobile number: 11 digits starting with 13–19')),
  }),
  buildingId: line().min(1).max(64).optional(),
  offering: offeringSlug.optional(),
  quoteId: line().min(1).max(64).optional(),
  note: freeText().trim().max(500).optional(),
  source: z.enum(leadSources).default('callback'),
  lang: z.enum(['zh', 'en']).default('zh'),
  attribution: attributionSchema.optional(),
})

export type LeadRequest = z.infer<typeof leadRequestSchema>
export type LeadRequestInput = z.input<typeof leadRequestSchema>
