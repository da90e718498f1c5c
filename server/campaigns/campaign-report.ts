import { shanghaiDate } from '../domain/working-days'
import type { LocalizedText } from '../pricing/catalog-schema'
import { countAttributed, countViews, respondedLeads, type Campaign, type ResultDimension, type ResultWindow } from '../repositories/campaigns-repository'
import type { Services } from '../services/services'
import type { StaffIdentity } from '../console/sessions'

const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** The instants a campaign counts: from 00:00 Shanghai of its first day to 00:00 Shanghai after its last. */
export function campaignInstants(startsOn: string, endsOn: string): { from: string; to: string } {
  const midnight = (day: string) => Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS
  return { from: new Date(midnight(startsOn)).toISOString(), to: new Date(midnight(endsOn) + DAY_MS).toISOString() }
}

/** Every Shanghai day of a campaign, first to last. */
export function campaignDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = []
  for (let at = Date.parse(`${startsOn}T00:00:00.000Z`); at <= Date.parse(`${endsOn}T00:00:00.000Z`); at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10))
  return days
}

/** One line of results: counts, the steps' conversions (null where nothing came before) and quality. */
export interface Figures {
  /** Landing views; null where they cannot be told (per building or manager, or for a manager's report). */
  views: number | null
  quotes: number
  leads: number
  orders: number
  /** First-year revenue of the orders (their quotes' first_year_total_fen), cancelled orders excluded; fen. */
  revenueFen: number
  /** quotes / views, leads / quotes, orders / quotes, orders / views. */
  quoteRate: number | null
  leadRate: number | null
  orderRate: number | null
  viewToOrder: number | null
  /** Share of leads qualified or won, and won. */
  qualifiedShare: number | null
  wonShare: number | null
  /** Median minutes from a lead coming in to staff first acting on it (leads responded to). */
  medianResponseMinutes: number | null
}

export interface ResultLine {
  key: string
  /** How the page names the line: a building's or manager's name, a keyword as typed, a day. */
  label: LocalizedText
  figures: Figures
}

export interface CampaignReport {
  /** Whether landing views are shown (not to a manager: views belong to no building). */
  withViews: boolean
  totals: Figures
  byTerm: ResultLine[]
  byBuilding: ResultLine[]
  byManager: ResultLine[]
  byDay: ResultLine[]
}

/** The keys of lines the page names itself: no keyword, no manager (a district queue), buildings not targeted. */
export const NONE_KEY = '(none)'
export const OTHER_KEY = '(other)'

interface Tally {
  views: number
  quotes: number
  leads: number
  qualified: number
  won: number
  orders: number
  revenue: number
  responses: number[]
}

const emptyTally = (): Tally => ({ views: 0, quotes: 0, leads: 0, qualified: 0, won: 0, orders: 0, revenue: 0, responses: [] })
const rate = (part: number, whole: number | null) => (whole ? part / whole : null)

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function figuresOf(tally: Tally, withViews: boolean): Figures {
  const views = withViews ? tally.views : null
  return {
    views,
    quotes: tally.quotes,
    leads: tally.leads,
    orders: tally.orders,
    revenueFen: tally.revenue,
    quoteRate: rate(tally.quotes, views),
    leadRate: rate(tally.leads, tally.quotes),
    orderRate: rate(tally.orders, tally.quotes),
    viewToOrder: rate(tally.orders, views),
    qualifiedShare: rate(tally.qualified, tally.leads),
    wonShare: rate(tally.won, tally.leads),
    medianResponseMinutes: median(tally.responses),
  }
}

/** Tallies by key, created on first use. */
class Tallies {
  readonly byKey = new Map<string, Tally>()
  constructor(keys: readonly string[] = []) {
    for (const key of keys) this.byKey.set(key, emptyTally())
  }
  of(key: string): Tally {
    let tally = this.byKey.get(key)
    if (!tally) this.byKey.set(key, (tally = emptyTally()))
    return tally
  }
}

/** The Shanghai day of a `YYYY-MM-DD|h` key: the UTC date, or the next day from 16:00 UTC. */
const halfToDay = (key: string) => {
  const [date, late] = key.split('|')
  return late === '1' ? new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10) : date!
}

/**
 * A campaign's results as `staff` may see them: counted within its Shanghai days and utm_campaign,
 * for a manager only their own buildings' quotes, leads and orders (and no landing views).
 */
export async function campaignReport(services: Pick<Services, 'db'>, staff: Pick<StaffIdentity, 'buildingIds'>, campaign: Campaign): Promise<CampaignReport> {
  const db = services.db
  const scope = staff.buildingIds
  const withViews = scope === 'all'
  const targets = scope === 'all' ? campaign.buildingIds : campaign.buildingIds.filter((id) => scope.includes(id))
  const window: ResultWindow = { utmCampaign: campaign.utm_campaign, ...campaignInstants(campaign.starts_on, campaign.ends_on), scope, targets }
  const days = campaignDays(campaign.starts_on, campaign.ends_on)

  const tables = ['quotes', 'leads', 'orders'] as const
  const dimensions: ResultDimension[] = ['term', 'building', 'manager', 'half']
  const [counts, viewsByTerm, viewsByDay, responded] = await Promise.all([
    Promise.all(dimensions.map((dimension) => Promise.all(tables.map((table) => countAttributed(db, table, dimension, window))))),
    withViews ? countViews(db, 'term', campaign.utm_campaign, campaign.starts_on, campaign.ends_on) : [],
    withViews ? countViews(db, 'day', campaign.utm_campaign, campaign.starts_on, campaign.ends_on) : [],
    respondedLeads(db, window),
  ])

  // Keys: a keyword as typed ('' and null: none), a target building or other, a manager or none, a Shanghai day.
  const keyOf: Record<ResultDimension, (key: string | null) => string> = {
    term: (key) => (key ? key : NONE_KEY),
    building: (key) => key ?? OTHER_KEY,
    manager: (key) => key ?? NONE_KEY,
    half: (key) => halfToDay(key!),
  }
  const tallies: Record<ResultDimension, Tallies> = {
    term: new Tallies(),
    building: new Tallies([...targets, OTHER_KEY]),
    manager: new Tallies(),
    half: new Tallies(days),
  }
  dimensions.forEach((dimension, d) => {
    tables.forEach((table, t) => {
      for (const row of counts[d]![t]!) {
        const tally = tallies[dimension].of(keyOf[dimension](row.key))
        tally[table] += row.n
        tally.qualified += row.qualified
        tally.won += row.won
        tally.revenue += row.revenue
      }
    })
  })
  for (const row of viewsByTerm) tallies.term.of(keyOf.term(row.key)).views += row.n
  for (const row of viewsByDay) tallies.half.of(row.key).views += row.n
  for (const lead of responded) {
    const minutes = (Date.parse(lead.touched_at!) - Date.parse(lead.created_at)) / 60_000
    tallies.term.of(keyOf.term(lead.utm_term)).responses.push(minutes)
    tallies.building.of(lead.building_id && targets.includes(lead.building_id) ? lead.building_id : OTHER_KEY).responses.push(minutes)
    tallies.manager.of(keyOf.manager(lead.manager_id)).responses.push(minutes)
    tallies.half.of(shanghaiDate(new Date(lead.created_at))).responses.push(minutes)
  }

  // The totals are the days' sums (every counted row falls on one day of the campaign).
  const total = emptyTally()
  for (const tally of tallies.half.byKey.values()) {
    for (const field of ['views', 'quotes', 'leads', 'qualified', 'won', 'orders', 'revenue'] as const) total[field] += tally[field]
    total.responses.push(...tally.responses)
  }

  const managerIds = [...tallies.manager.byKey.keys()].filter((key) => key !== NONE_KEY)
  const [buildings, managers] = await Promise.all([
    targets.length > 0 ? db.selectFrom('buildings').select(['id', 'name_zh', 'name_en']).where('id', 'in', targets).execute() : [],
    managerIds.length > 0 ? db.selectFrom('building_managers').select(['id', 'name', 'name_en']).where('id', 'in', managerIds).execute() : [],
  ])
  const same = (text: string): LocalizedText => ({ zh: text, en: text })
  const lines = (dimension: ResultDimension, label: (key: string) => LocalizedText, views: boolean, order?: (a: ResultLine, b: ResultLine) => number): ResultLine[] => {
    const result = [...tallies[dimension].byKey].map(([key, tally]) => ({ key, label: label(key), figures: figuresOf(tally, views) }))
    return order ? result.sort(order) : result
  }
  const byVolume = (a: ResultLine, b: ResultLine) => b.figures.orders - a.figures.orders || b.figures.leads - a.figures.leads || b.figures.quotes - a.figures.quotes || (b.figures.views ?? 0) - (a.figures.views ?? 0) || a.key.localeCompare(b.key)
  return {
    withViews,
    totals: figuresOf(total, withViews),
    byTerm: lines('term', same, withViews, byVolume),
    byBuilding: lines('building', (key) => {
      const building = buildings.find((row) => row.id === key)
      return building ? { zh: building.name_zh, en: building.name_en } : same(key)
    }, false),
    byManager: lines('manager', (key) => {
      const manager = managers.find((row) => row.id === key)
      return manager ? { zh: manager.name, en: manager.name_en } : same(key)
    }, false, byVolume),
    byDay: lines('half', same, withViews, (a, b) => a.key.localeCompare(b.key)),
  }
}
