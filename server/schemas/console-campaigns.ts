import { z } from 'zod'
import { campaignChannels } from '../domain/campaign-channels'
import { offeringSlug } from '../pricing/catalog-schema'
import { line } from './text'

/** A form sends one value as a string, several as an array, none as nothing. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value.filter((entry) => entry !== '') : [value]), z.array(item))

/** What a campaign's links carry as utm_campaign: letters, digits, `-`, `_` and `.`, as ad platforms accept them. */
export const utmCampaignValue = z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/))

/** Creating or editing a campaign (console form or JSON); its days are Shanghai days, the last one included. */
export const campaignSchema = z
  .object({
    name: z.preprocess((value) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value), line().min(1).max(100)),
    channel: z.enum(campaignChannels),
    utmCampaign: utmCampaignValue,
    offerings: list(offeringSlug).pipe(z.array(offeringSlug).max(20)),
    buildingIds: list(line().min(1).max(64)).pipe(z.array(z.string()).max(500)),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
  })
  .refine((campaign) => campaign.endsOn >= campaign.startsOn, { path: ['endsOn'], message: 'the last day is before the first' })
export type CampaignInput = z.infer<typeof campaignSchema>

/** The CSV export's language (headers, breakdown names, channel); anything else is Chinese. */
export const campaignCsvQuerySchema = z.object({ lang: z.enum(['zh', 'en']).catch('zh') })
