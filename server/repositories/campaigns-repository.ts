import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type CampaignRow = Selectable<Database['campaigns']>

export interface Campaign extends CampaignRow {
  offerings: string[]
  buildingIds: string[]
}

/** Who sees which campaigns and figures: every building, or these only (building-scope.ts). */
export type CampaignScope = 'all' | readonly string[]

export async function insertCampaign(db: Kysely<Database>, row: CampaignRow, offerings: readonly string[], buildingIds: readonly string[]): Promise<void> {
  await db.insertInto('campaigns').values(row).execute()
  await replaceTargets(db, row.id, offerings, buildingIds)
}

export async function updateCampaign(db: Kysely<Database>, id: string, row: Omit<CampaignRow, 'id' | 'created_by' | 'created_at'>, offerings: readonly string[], buildingIds: readonly string[]): Promise<void> {
  await db.updateTable('campaigns').set(row).where('id', '=', id).execute()
  await replaceTargets(db, id, offerings, buildingIds)
}

async function replaceTargets(db: Kysely<Database>, id: string, offerings: readonly string[], buildingIds: readonly string[]): Promise<void> {
  await db.deleteFrom('campaign_offerings').where('campaign_id', '=', id).execute()
  await db.deleteFrom('campaign_buildings').where('campaign_id', '=', id).execute()
  if (offerings.length > 0) await db.insertInto('campaign_offerings').values([...new Set(offerings)].map((offering_slug) => ({ campaign_id: id, offering_slug }))).execute()
  if (buildingIds.length > 0) await db.insertInto('campaign_buildings').values([...new Set(buildingIds)].map((building_id) => ({ campaign_id: id, building_id }))).execute()
}

/** A utm_campaign value the landing page counts under its own name (landing-views-repository.ts). */
export async function registerCampaignValue(db: Kysely<Database>, value: string): Promise<void> {
  await db
    .insertInto('campaign_values')
    .values({ parameter: 'utm_campaign', value })
    .onConflict((conflict) => conflict.columns(['parameter', 'value']).doNothing())
    .execute()
}

export async function findCampaignByUtm(db: Kysely<Database>, utmCampaign: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('utm_campaign', '=', utmCampaign).executeTakeFirst()
}

/** The campaign with its bundles and target buildings, if `scope` sees it (a manager: one of its buildings is theirs). */
export async function findCampaign(db: Kysely<Database>, id: string, scope: CampaignScope): Promise<Campaign | undefined> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const [offerings, buildings] = await Promise.all([
    db.selectFrom('campaign_offerings').select('offering_slug').where('campaign_id', '=', id).orderBy('offering_slug').execute(),
    db.selectFrom('campaign_buildings').select('building_id').where('campaign_id', '=', id).orderBy('building_id').execute(),
  ])
  const buildingIds = buildings.map((building) => building.building_id)
  if (scope !== 'all' && !buildingIds.some((building) => scope.includes(building))) return undefined
  return { ...row, offerings: offerings.map((offering) => offering.offering_slug), buildingIds }
}

/** The campaigns `scope` sees, latest first day first. */
export async function listCampaigns(db: Kysely<Database>, scope: CampaignScope): Promise<(CampaignRow & { buildings: number })[]> {
  if (scope !== 'all' && scope.length === 0) return []
  let query = db
    .selectFrom('campaigns')
    .selectAll('campaigns')
    .select((eb) => eb.selectFrom('campaign_buildings').select(eb.fn.countAll<number>().as('n')).whereRef('campaign_buildings.campaign_id', '=', 'campaigns.id').as('buildings'))
    .orderBy('starts_on', 'desc')
    .orderBy('id')
  if (scope !== 'all') query = query.where((eb) => eb.exists(eb.selectFrom('campaign_buildings').select('campaign_id').whereRef('campaign_buildings.campaign_id', '=', 'campaigns.id').where('building_id', 'in', scope)))
  return (await query.execute()).map((row) => ({ ...row, buildings: Number(row.buildings ?? 0) }))
}

/*
 * Results. Each table is read once: one GROUP BY over its covering (utm_campaign, created_at, …) index
 * (migration 0017), by keyword, building, manager and UTC hour together; the report adds the groups
 * up per breakdown. One scan per table instead of one per breakdown keeps a city-scale report fast.
 */

/** What a campaign's results are counted within: its utm_campaign, [from, to) as ISO instants, and buildings. */
export interface ResultWindow {
  utmCampaign: string
  from: string
  to: string
  scope: CampaignScope
}

export interface CountRow {
  term: string | null
  building: string | null
  /** The manager a lead or order was routed to; null for quotes (their building's manager, found by the report). */
  manager: string | null
  /** 'YYYY-MM-DDTHH' of the row's created_at (UTC): its Shanghai day is found from it. */
  hour: string
  n: number
  qualified: number
  won: number
  revenue: number
}

type Attributed = 'quotes' | 'leads' | 'orders'

/** Quotes, leads or orders of the campaign, counted per keyword, building, manager and hour. */
export async function countAttributed(db: Kysely<Database>, table: Attributed, window: ResultWindow): Promise<CountRow[]> {
  const column = (name: string) => sql.ref(`${table}.${name}`)
  const term = sql<string | null>`${column('utm_term')}`
  const building = sql<string | null>`${column('building_id')}`
  const manager = table === 'quotes' ? sql<string | null>`null` : sql<string | null>`${column('manager_id')}`
  // The stored ISO instant's date and hour: the same text function on both databases.
  const hour = sql<string>`substr(${column('created_at')}, 1, 13)`
  const zero = sql<number>`0`
  const base = db.selectFrom(table)
  let query = (table === 'orders' ? base.innerJoin('quotes as order_quote', 'order_quote.id', 'orders.quote_id') : base)
    .select([
      term.as('term'),
      building.as('building'),
      manager.as('manager'),
      hour.as('hour'),
      sql<number>`count(*)`.as('n'),
      (table === 'leads' ? sql<number>`sum(case when leads.status in ('qualified', 'won') then 1 else 0 end)` : zero).as('qualified'),
      (table === 'leads' ? sql<number>`sum(case when leads.status = 'won' then 1 else 0 end)` : zero).as('won'),
      // An order's first year as its quote priced it; a cancelled order brings none.
      (table === 'orders' ? sql<number>`sum(case when orders.status <> 'cancelled' then order_quote.first_year_total_fen else 0 end)` : zero).as('revenue'),
    ])
    .where(column('utm_campaign'), '=', window.utmCampaign)
    .where(column('created_at'), '>=', window.from)
    .where(column('created_at'), '<', window.to)
    .groupBy(table === 'quotes' ? [term, building, hour] : [term, building, manager, hour])
  if (window.scope !== 'all') query = query.where(column('building_id'), 'in', window.scope.length > 0 ? window.scope : ['-'])
  const rows = await query.execute()
  return rows.map((row) => ({ ...row, n: Number(row.n), qualified: Number(row.qualified ?? 0), won: Number(row.won ?? 0), revenue: Number(row.revenue ?? 0) }))
}

/** The managers of these buildings (a quote is its building's manager's). */
export async function buildingManagers(db: Kysely<Database>, buildingIds: readonly string[]): Promise<Map<string, string | null>> {
  if (buildingIds.length === 0) return new Map()
  const rows = await db.selectFrom('buildings').select(['id', 'manager_id']).where('id', 'in', buildingIds).execute()
  return new Map(rows.map((row) => [row.id, row.manager_id]))
}

/** Landing views of the campaign per keyword or per Shanghai day, over its days (YYYY-MM-DD, both included). */
export async function countViews(db: Kysely<Database>, dimension: 'term' | 'day', utmCampaign: string, firstDay: string, lastDay: string): Promise<{ key: string; n: number }[]> {
  const column = dimension === 'term' ? 'utm_term' : 'day'
  const rows = await db
    .selectFrom('landing_views')
    .select([sql<string>`${sql.ref(column)}`.as('key'), sql<number>`sum(views)`.as('n')])
    .where('utm_campaign', '=', utmCampaign)
    .where('day', '>=', firstDay)
    .where('day', '<=', lastDay)
    .groupBy(column)
    .execute()
  return rows.map((row) => ({ key: row.key, n: Number(row.n) }))
}

/** The campaign's leads that someone has responded to: when they came and when staff first acted. */
export async function respondedLeads(db: Kysely<Database>, window: ResultWindow) {
  let query = db
    .selectFrom('leads')
    .select(['created_at', 'touched_at', 'utm_term', 'building_id', 'manager_id'])
    .where('utm_campaign', '=', window.utmCampaign)
    .where('created_at', '>=', window.from)
    .where('created_at', '<', window.to)
    .where('touched_at', 'is not', null)
  if (window.scope !== 'all') query = query.where('building_id', 'in', window.scope.length > 0 ? window.scope : ['-'])
  return query.execute()
}
