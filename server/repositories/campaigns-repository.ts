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
 * Results: per table, one GROUP BY per breakdown over its covering (utm_campaign, created_at, …) index
 * (migration 0017), each answering a handful of rows: keywords, the target buildings (others as one
 * group), managers, and halves of UTC days (which Shanghai day a row falls on). Rows are what costs
 * (the PostgreSQL client parses each), so no query answers one row per quote, lead or order.
 */

/** What a campaign's results are counted within: its utm_campaign, [from, to) as ISO instants, buildings and target buildings. */
export interface ResultWindow {
  utmCampaign: string
  from: string
  to: string
  scope: CampaignScope
  targets: readonly string[]
}

/** The breakdowns: keyword, target building (null: any other), manager, and `YYYY-MM-DD|0` / `|1` (UTC date, before or from 16:00 UTC). */
export type ResultDimension = 'term' | 'building' | 'manager' | 'half'

export interface CountRow {
  key: string | null
  n: number
  qualified: number
  won: number
  revenue: number
}

type Attributed = 'quotes' | 'leads' | 'orders'

function dimensionKey(table: Attributed, dimension: ResultDimension, targets: readonly string[]) {
  const column = (name: string) => sql.ref(`${table}.${name}`)
  switch (dimension) {
    case 'term':
      return sql<string | null>`${column('utm_term')}`
    case 'building':
      return targets.length > 0 ? sql<string | null>`case when ${column('building_id')} in (${sql.join(targets)}) then ${column('building_id')} end` : sql<string | null>`null`
    case 'manager':
      // A quote is its building's manager's; a lead and an order keep the manager they were routed to.
      return table === 'quotes' ? sql<string | null>`${sql.ref('quote_building.manager_id')}` : sql<string | null>`${column('manager_id')}`
    case 'half':
      // From 16:00 UTC it is the next day in Shanghai (UTC+8, no daylight saving): text functions both databases share.
      return sql<string>`substr(${column('created_at')}, 1, 10) || case when substr(${column('created_at')}, 12, 2) >= '16' then '|1' else '|0' end`
  }
}

/** Quotes, leads or orders of the campaign, counted per key of one breakdown. */
export async function countAttributed(db: Kysely<Database>, table: Attributed, dimension: ResultDimension, window: ResultWindow): Promise<CountRow[]> {
  const column = (name: string) => sql.ref(`${table}.${name}`)
  const key = dimensionKey(table, dimension, window.targets)
  const zero = sql<number>`0`
  const base = db.selectFrom(table)
  let query = (
    table === 'quotes' && dimension === 'manager' ? base.leftJoin('buildings as quote_building', 'quote_building.id', 'quotes.building_id') : base
  )
    .select([
      key.as('key'),
      sql<number>`count(*)`.as('n'),
      (table === 'leads' ? sql<number>`sum(case when leads.status in ('qualified', 'won') then 1 else 0 end)` : zero).as('qualified'),
      (table === 'leads' ? sql<number>`sum(case when leads.status = 'won' then 1 else 0 end)` : zero).as('won'),
      // An order's first year as its quote priced it (kept on the order); a cancelled order brings none.
      (table === 'orders' ? sql<number>`sum(case when orders.status <> 'cancelled' then coalesce(orders.first_year_total_fen, 0) else 0 end)` : zero).as('revenue'),
    ])
    .where(column('utm_campaign'), '=', window.utmCampaign)
    .where(column('created_at'), '>=', window.from)
    .where(column('created_at'), '<', window.to)
    // By the first column's position: PostgreSQL does not take a CASE with parameters as the same expression twice.
    .groupBy(sql`1`)
  if (window.scope !== 'all') query = query.where(column('building_id'), 'in', window.scope.length > 0 ? window.scope : ['-'])
  const rows = await query.execute()
  return rows.map((row) => ({ key: row.key, n: Number(row.n), qualified: Number(row.qualified ?? 0), won: Number(row.won ?? 0), revenue: Number(row.revenue ?? 0) }))
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
