import type { Insertable } from 'kysely'
import { leadLostReasons, leadSources } from '../../server/domain/lead-status'
import type { Database } from '../schema'
import { GENERATED_CAMPAIGNS, GENERATED_TERMS } from './campaigns'
import { mobileNumber, personName } from './places'
import type { Random } from './random'

const DAY = 24 * 60 * 60 * 1000
const PATHS = ['/bundles/evergreen', '/bundles/bb-express', '/bundles/fixed-broadband', '/bundles/business-plus', '/en/bundles/evergreen', '/en/bundles/bb-express']
const CAMPAIGNS: [string, string, string][] = [['', '', ''], ['baidu', 'cpc', 'lujiazui'], ['baidu', 'cpc', 'sme-evergreen'], ['sogou', 'cpc', 'broadband'], ['360', 'cpc', 'sme-evergreen'], ['google', 'cpc', 'broadband'], ['(other)', '(other)', '(other)']]

/** A callback request from a building's tenant over the last year. */
export function generateLead(random: Random, now: Date, buildings: { id: string; district: string; manager_id: string | null }[]): Insertable<Database['leads']> {
  const building = random.chance(0.9) ? random.pick(buildings) : null
  return {
    id: random.uuid(),
    source: random.weighted(leadSources, [6, 2, 1, 3]),
    company: `上海${random.text('华信联创申通东方博远鼎盛嘉禾', 2)}商贸有限公司`,
    contact_name: personName(random).zh,
    mobile: mobileNumber(random),
    note: random.chance(0.3) ? '请工作日下午联系' : null,
    lang: random.chance(0.8) ? 'zh' : 'en',
    building_id: building?.id ?? null,
    offering_slug: random.chance(0.6) ? random.pick(['evergreen', 'bb-express', 'fixed-broadband']) : null,
    quote_id: null,
    manager_id: building?.manager_id ?? null,
    queue_district: building && !building.manager_id ? building.district : null,
    attribution_json: null,
    ...leadProgress(random),
    created_at: new Date(now.getTime() - random.next() * 365 * DAY).toISOString(),
  }
}

/** How far a generated lead got (lead-status.ts; none won: a won lead names its order). */
function leadProgress(random: Random): Pick<Insertable<Database['leads']>, 'status' | 'lost_reason'> {
  const status = random.weighted(['new', 'contacted', 'qualified', 'lost'] as const, [2, 4, 1, 3])
  return { status, lost_reason: status === 'lost' ? random.pick(leadLostReasons) : null }
}

/**
 * The table holds one counter per day, page, campaign and keyword (as the landing page counts them),
 * so `total` views become rows of a year's days × pages × campaigns whose counters add up to it; a
 * generated campaign's row is for one of its keywords.
 */
export function landingViewRows(random: Random, now: Date, total: number): Insertable<Database['landing_views']>[] {
  const keys: { day: string; path: string; campaign: [string, string, string]; term: string; weight: number }[] = []
  const known = new Set<string>(GENERATED_CAMPAIGNS.map((campaign) => campaign.utm))
  for (let back = 364; back >= 0; back--) {
    const day = new Date(now.getTime() - back * DAY).toISOString().slice(0, 10)
    for (const path of PATHS) for (const campaign of CAMPAIGNS) if (random.chance(0.7)) keys.push({ day, path, campaign, term: known.has(campaign[2]) ? random.pick(GENERATED_TERMS) : '', weight: random.next() + 0.1 })
  }
  const weightSum = keys.reduce((sum, key) => sum + key.weight, 0)
  let left = total
  const rows = keys.map((key, index) => {
    const views = index === keys.length - 1 ? left : Math.min(left, Math.round((key.weight / weightSum) * total))
    left -= views
    return { day: key.day, path: key.path, utm_source: key.campaign[0], utm_medium: key.campaign[1], utm_campaign: key.campaign[2], utm_term: key.term, views }
  })
  return rows.filter((row) => row.views > 0)
}
