import { z } from 'zod'
import { emailVisitTemplates } from '../email-visits/templates'
import { offeringSlug } from '../pricing/primitives'
import { utmCampaignValue } from './console-campaigns'
import { blankless, instantOf, oneOrMany, shanghaiTimeSchema } from './form-fields'
import { line } from './text'


/** Which tenants' leads a visit may pick: none yet, an open one, a won or a lost one (by credit code or name, in the same building). */
export const tenantLeadStates = ['none', 'open', 'won', 'lost'] as const
export type TenantLeadState = (typeof tenantLeadStates)[number]

/** The tenants a visit goes to: of the sender's buildings, narrowed by building, staff size, carrier and lead state. */
export const emailVisitAudienceSchema = z
  .object({
    building: blankless(line().max(64)),
    sizeMin: blankless(z.coerce.number().int().min(1).max(10_000_000)),
    sizeMax: blankless(z.coerce.number().int().min(1).max(10_000_000)),
    carrier: blankless(line().trim().max(40)),
    leadState: blankless(z.enum(tenantLeadStates)),
  })
  .refine((audience) => audience.sizeMin === undefined || audience.sizeMax === undefined || audience.sizeMin <= audience.sizeMax, { path: ['sizeMax'], message: 'below the minimum' })
export type EmailVisitAudience = z.infer<typeof emailVisitAudienceSchema>

/**
 * A visit's campaign tag is a campaign's utm_campaign, in the campaigns' own format and kept as typed:
 * campaign reports match it exactly, so a campaign tagged Spring-EN counts a visit tagged Spring-EN.
 */
export const utmCampaignSchema = utmCampaignValue


export const emailVisitDraftSchema = z.object({
  template: z.enum(emailVisitTemplates),
  offerings: oneOrMany(offeringSlug).pipe(z.array(z.string()).min(1).max(5)),
  lang: z.enum(['zh', 'en']).default('zh'),
})

export const createEmailVisitSchema = z.intersection(
  emailVisitAudienceSchema,
  emailVisitDraftSchema.extend({
    utmCampaign: utmCampaignSchema,
    /** Empty: at once. */
    sendAt: blankless(shanghaiTimeSchema),
    /**
     * Chosen when the preview is shown and carried by its form: the same form posted again (Back, then
     * Schedule) names the same visit, which is then refused instead of mailing everyone twice.
     */
    visitId: blankless(z.uuid()),
  }),
)
export type CreateEmailVisitInput = z.infer<typeof createEmailVisitSchema>

export const emailVisitPreviewSchema = z.intersection(emailVisitAudienceSchema, emailVisitDraftSchema.partial({ template: true, offerings: true }))
export type EmailVisitPreviewInput = z.infer<typeof emailVisitPreviewSchema>

/** The time a form's send-at field names: a datetime-local value is Shanghai time (UTC+8, no daylight saving). */
export function sendAtOf(value: string | undefined, now: Date): Date {
  return value ? instantOf(value) : now
}
