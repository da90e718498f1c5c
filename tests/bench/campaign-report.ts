import type { DatabaseKind } from '../../db/connect'
import { GENERATED_CAMPAIGNS } from '../../db/generate/campaigns'
import { GENERATED_PREFIX } from '../../db/generate/places'
import { sessionCookie } from '../../server/console/session-policy'
import { startSession } from '../../server/console/sessions'
import { createStaffUser } from '../../server/console/staff-admin'
import type { BenchServer } from './bench-server'
import { runLoad } from './load'
import type { LoadRequest, LoadResult } from './load-job'

/** The target for a campaign report at city scale. */
export const CAMPAIGN_REPORT_P95_TARGET_MS = 200

const WARM_UP_SECONDS = 1
const MEASURE_SECONDS = 5

export interface CampaignReportScenario {
  label: string
  result: LoadResult
}

export interface CampaignReportLatency {
  kind: DatabaseKind
  /** The busiest generated campaign's counts, to say what a report added up. */
  largest: { quotes: number; leads: number; orders: number; views: number }
  scenarios: CampaignReportScenario[]
}

/**
 * Campaign reports on a database generated to city scale (db/generate: a year of three search-ad
 * campaigns carrying 30 % of the quotes, orders, leads and landing views), one request at a time from
 * a separate process: marketing's report (JSON, every breakdown), its CSV, and a building manager's
 * report of their own buildings. p95 per request.
 */
export async function measureCampaignReports(kind: DatabaseKind, server: BenchServer): Promise<CampaignReportLatency> {
  const { requests, largest } = await reportRequests(server)
  const scenarios: CampaignReportScenario[] = []
  for (const [label, batch] of Object.entries(requests)) {
    console.error(`campaign reports on ${kind}: ${label}…`)
    const result = await runLoad({ mode: 'latency', origin: server.origin, requests: batch, expectedStatus: 200, connections: 1, warmUpSeconds: WARM_UP_SECONDS, seconds: MEASURE_SECONDS })
    await server.idle()
    scenarios.push({ label, result })
  }
  return { kind, largest, scenarios }
}

async function reportRequests(server: BenchServer) {
  const { db, services } = server
  const staff = async (roles: ('marketing' | 'manager')[], managerId?: string) => {
    const { user } = await createStaffUser(services, { kind: 'cli', id: null }, { email: `bench-${roles.join('-')}@city.example.cn`, displayName: 'Bench', roles, managerId, password: 'bench password long enough' })
    const { sessionId } = await startSession(services, user.id)
    return { cookie: `${sessionCookie(services.siteUrl).name}=${sessionId}` }
  }
  const campaignIds = GENERATED_CAMPAIGNS.map((_, index) => `${GENERATED_PREFIX}campaign-${index + 1}`)
  // A manager of one of the first campaign's target buildings.
  const target = await db
    .selectFrom('campaign_buildings')
    .innerJoin('buildings', 'buildings.id', 'campaign_buildings.building_id')
    .select('buildings.manager_id')
    .where('campaign_buildings.campaign_id', '=', campaignIds[0]!)
    .where('buildings.manager_id', 'is not', null)
    .limit(1)
    .executeTakeFirstOrThrow()
  const marketing = await staff(['marketing'])
  const manager = await staff(['manager'], target.manager_id!)
  const get = (headers: Record<string, string>, path: string): LoadRequest => ({ method: 'GET', path, headers })

  const count = async (table: 'quotes' | 'leads' | 'orders', utm: string) =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('utm_campaign', '=', utm).executeTakeFirstOrThrow()).n)
  const sizes = await Promise.all(
    GENERATED_CAMPAIGNS.map(async (campaign) => ({
      quotes: await count('quotes', campaign.utm),
      leads: await count('leads', campaign.utm),
      orders: await count('orders', campaign.utm),
      views: Number((await db.selectFrom('landing_views').select((eb) => eb.fn.sum('views').as('n')).where('utm_campaign', '=', campaign.utm).executeTakeFirstOrThrow()).n ?? 0),
    })),
  )
  const largest = sizes.reduce((a, b) => (b.orders > a.orders ? b : a))
  return {
    largest,
    requests: {
      'report (marketing, JSON)': campaignIds.map((id) => get(marketing, `/api/console/campaigns/${id}`)),
      'report CSV (marketing)': campaignIds.map((id) => get(marketing, `/api/console/campaigns/${id}/report.csv`)),
      "report (a manager's buildings)": [get(manager, `/api/console/campaigns/${campaignIds[0]}`)],
    } satisfies Record<string, LoadRequest[]>,
  }
}
