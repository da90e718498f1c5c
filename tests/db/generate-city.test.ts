import { describe, expect, it } from 'vitest'
import { countsAt, DEFAULT_GENERATE_NOW, generateCity } from '../../db/generate/generate'
import { campaignInstants } from '../../server/campaigns/campaign-report'
import { districts } from '../../server/domain/districts'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const SCALE = 0.005

describe.each(databaseKinds)('npm run db:generate on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('fills the database to the scaled counts, refuses a second run, and the console queue answers on it', async () => {
    const db = seeded.database.db
    const counts = await generateCity(db, { scale: SCALE, seed: 7, now: DEFAULT_GENERATE_NOW, force: false })
    expect(counts).toEqual(countsAt(SCALE))
    const count = async (table: 'orders' | 'leads' | 'building_managers') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const generatedBuildings = await db.selectFrom('buildings').select('id').where('id', 'like', 'gen-%').execute()
    expect(generatedBuildings).toHaveLength(counts.buildings)
    expect(await count('orders')).toBe(counts.orders)
    expect(await count('leads')).toBe(counts.leads)
    // Every district has its lead, to whom untouched leads are escalated.
    const leads = await db.selectFrom('building_managers').select('district').where('district_lead', '=', 1).execute()
    expect(leads.map((row) => row.district).sort()).toEqual([...districts].sort())
    const views = await db.selectFrom('landing_views').select((eb) => eb.fn.sum<number>('views').as('views')).executeTakeFirstOrThrow()
    expect(Number(views.views)).toBe(counts.landingViews)
    const statuses = await db.selectFrom('orders').select('status').distinct().execute()
    expect(statuses.length).toBeGreaterThanOrEqual(8)
    const events = await db.selectFrom('order_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(events.n)).toBeGreaterThanOrEqual(counts.orders)
    await expect(generateCity(db, { scale: SCALE, seed: 7, now: DEFAULT_GENERATE_NOW, force: false })).rejects.toThrow(/already holds generated data/)

    const ops = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, ops.email)
    const first = await seeded.api.request('/api/console/orders?state=active', asStaff(cookie))
    expect(first.status).toBe(200)
    const page = (await first.json()) as { orders: { number: string; status: string }[]; next: string | null }
    expect(page.orders.length).toBe(50)
    expect(page.orders.every((order) => order.status === 'active')).toBe(true)
    const second = await seeded.api.request(`/api/console/orders?state=active&after=${page.next}`, asStaff(cookie))
    expect(((await second.json()) as { orders: unknown[] }).orders.length).toBeGreaterThan(0)
    const detail = await seeded.api.request(`/api/console/orders/${page.orders[0].number}`, asStaff(cookie))
    expect(detail.status).toBe(200)
    expect(((await detail.json()) as { timeline: unknown[]; audit: unknown[] }).timeline.length).toBeGreaterThan(1)

    // Keyset pages walk the whole queue once, newest first: nothing repeated, nothing skipped.
    const walked: string[] = []
    for (let after: string | null = ''; after !== null; ) {
      const response = await seeded.api.request(`/api/console/orders?limit=200${after ? `&after=${after}` : ''}`, asStaff(cookie))
      const page = (await response.json()) as { orders: { number: string }[]; next: string | null }
      walked.push(...page.orders.map((order) => order.number))
      after = page.next
    }
    const newestFirst = await db.selectFrom('orders').select('number').orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
    expect(walked).toEqual(newestFirst.map((order) => order.number))

    // A share of the traffic came through the generated campaigns: their reports count it.
    const marketing = await createStaff(seeded.api, ['marketing'])
    const report = await seeded.api.request('/api/console/campaigns/gen-campaign-1', asStaff(await signIn(seeded.api, marketing.email)))
    expect(report.status).toBe(200)
    const { campaign, report: results } = (await report.json()) as { campaign: { utm_campaign: string; starts_on: string; ends_on: string }; report: { totals: { views: number; quotes: number; orders: number; leads: number }; byTerm: unknown[] } }
    const { from, to } = campaignInstants(campaign.starts_on, campaign.ends_on)
    const attributed = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('utm_campaign', '=', campaign.utm_campaign)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow()
    expect(results.totals.orders).toBe(Number(attributed.n))
    expect(results.totals.orders).toBeGreaterThan(0)
    expect(results.totals.quotes).toBeGreaterThanOrEqual(results.totals.orders)
    expect(results.totals.leads).toBeGreaterThan(0)
    expect(results.totals.views).toBeGreaterThan(0)
    expect(results.byTerm.length).toBeGreaterThan(1)
  }, 120_000)
})
