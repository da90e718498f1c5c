import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../schema'
import { insertRows } from './batch-insert'
import { GENERATED_PREFIX } from './places'
import type { Random } from './random'

/**
 * A year of search-ad campaigns: a share of the generated quotes, orders, leads and landing views
 * carry one of these utm_campaign values and a keyword (utm_term), as a campaign report reads them.
 */
export const GENERATED_CAMPAIGNS = [
  { utm: 'lujiazui', name: '陆家嘴写字楼搜索广告', channel: 'search_ads', source: 'baidu', days: 90 },
  { utm: 'sme-evergreen', name: '中小企业商务常青', channel: 'search_ads', source: 'baidu', days: 180 },
  // Always on: its report covers the whole generated year, the largest a report gets.
  { utm: 'broadband', name: '写字楼宽带', channel: 'search_ads', source: 'sogou', days: 365 },
] as const
export const GENERATED_TERMS = ['写字楼宽带', '企业宽带', '商务宽带 价格', '固话 宽带 套餐', '办公室网络', 'office broadband', '企业专线', '宽带安装', '商务常青', '企业通信费']
/** How much of the generated traffic came through a campaign. */
const ATTRIBUTED_SHARE = 0.3
const TARGETS_PER_CAMPAIGN = 60

export interface GeneratedAttribution {
  utm_source: string
  utm_medium: string
  utm_campaign: string
  utm_term: string
}

/** A campaign's attribution for a generated row, or none (most traffic is not from a campaign). */
export function campaignAttribution(random: Random): GeneratedAttribution | null {
  if (!random.chance(ATTRIBUTED_SHARE)) return null
  const campaign = random.pick(GENERATED_CAMPAIGNS)
  return { utm_source: campaign.source, utm_medium: 'cpc', utm_campaign: campaign.utm, utm_term: random.pick(GENERATED_TERMS) }
}

/** The row's attribution JSON and utm columns, as the application writes them. */
export const attributionColumns = (attribution: GeneratedAttribution | null) =>
  attribution
    ? { attribution_json: JSON.stringify(attribution), ...attribution }
    : // Every row of a multi-row insert names the same columns.
      { attribution_json: null, utm_source: null, utm_medium: null, utm_campaign: null, utm_term: null }

/** The campaigns themselves, each ending on the generated day after its number of days, aimed at some of the generated buildings. */
export async function insertGeneratedCampaigns(db: Kysely<Database>, random: Random, now: Date, buildingIds: readonly string[]): Promise<void> {
  const at = now.toISOString()
  const endsOn = now.toISOString().slice(0, 10)
  const rows: Insertable<Database['campaigns']>[] = GENERATED_CAMPAIGNS.map((campaign, index) => ({
    id: `${GENERATED_PREFIX}campaign-${index + 1}`,
    name: campaign.name,
    channel: campaign.channel,
    utm_campaign: campaign.utm,
    starts_on: new Date(now.getTime() - (campaign.days - 1) * 86_400_000).toISOString().slice(0, 10),
    ends_on: endsOn,
    created_by: null,
    created_at: at,
    updated_at: at,
  }))
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'campaigns', rows)
    await insertRows(trx, 'campaign_offerings', rows.map((row) => ({ campaign_id: row.id, offering_slug: 'bb-express' })))
    await insertRows(
      trx,
      'campaign_buildings',
      rows.flatMap((row) => [...new Set(Array.from({ length: Math.min(TARGETS_PER_CAMPAIGN, buildingIds.length) }, () => random.pick(buildingIds)))].map((building_id) => ({ campaign_id: row.id, building_id }))),
    )
    await trx
      .insertInto('campaign_values')
      .values(GENERATED_CAMPAIGNS.map((campaign) => ({ parameter: 'utm_campaign', value: campaign.utm })))
      .onConflict((conflict) => conflict.columns(['parameter', 'value']).doNothing())
      .execute()
  })
}
