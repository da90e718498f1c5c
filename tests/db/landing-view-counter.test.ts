import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLandingViewCounter } from '../../server/landing/landing-view-counter'
import { landingViews } from '../../server/repositories/landing-views-repository'
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../support/test-database'

const at = new Date('2026-11-23T02:00:00.000Z')
// An interval so long that only flush() and stop() write in these tests.
const NEVER = { intervalMs: 3_600_000 }

describe.each(databaseKinds)('landing views counted in memory, added per row (%s)', (kind) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createSeededDatabase(kind)
  })
  afterAll(async () => {
    await database?.drop()
  })

  const viewsOf = async (path: string) =>
    (await landingViews(database.db, path)).map(({ day, utm_source, utm_campaign, views }) => ({ day, utm_source, utm_campaign, views: Number(views) }))

  it('adds the views of each row together at a flush, and nothing before it', async () => {
    const errors: unknown[] = []
    const counter = createLandingViewCounter(database.db, (error) => errors.push(error), NEVER)
    for (let view = 0; view < 3; view++) counter.count({ path: '/bundles/counted', attribution: { utm_source: 'baidu' }, at })
    counter.count({ path: '/bundles/counted', attribution: {}, at })
    counter.count({ path: '/bundles/counted', attribution: {}, at: new Date('2026-11-23T17:00:00.000Z') })
    expect(await viewsOf('/bundles/counted')).toEqual([])
    await counter.flush()
    counter.count({ path: '/bundles/counted', attribution: {}, at })
    await counter.stop()
    expect(errors).toEqual([])
    const rows = await viewsOf('/bundles/counted')
    // utm_source 'baidu' is one of the seed's campaign values: a row of its own.
    expect(rows.sort((a, b) => `${a.day}${a.utm_source}`.localeCompare(`${b.day}${b.utm_source}`))).toEqual([
      { day: '2026-11-23', utm_source: '', utm_campaign: '', views: 2 },
      { day: '2026-11-23', utm_source: 'baidu', utm_campaign: '', views: 3 },
      // 01:00 in Shanghai the next day.
      { day: '2026-11-24', utm_source: '', utm_campaign: '', views: 1 },
    ])
  })

  it('keeps the views of a failed write for the next flush', async () => {
    const errors: unknown[] = []
    const counter = createLandingViewCounter(database.db, (error) => errors.push(error), NEVER)
    counter.count({ path: '/bundles/retried', attribution: {}, at })
    counter.count({ path: '/bundles/retried', attribution: {}, at })
    // The table out of reach for one flush.
    await sql`alter table landing_views rename to landing_views_away`.execute(database.db)
    await counter.flush()
    await sql`alter table landing_views_away rename to landing_views`.execute(database.db)
    expect(errors).toHaveLength(1)
    expect(await viewsOf('/bundles/retried')).toEqual([])
    await counter.stop()
    expect(await viewsOf('/bundles/retried')).toEqual([{ day: '2026-11-23', utm_source: '', utm_campaign: '', views: 2 }])
  })

  it('holds at most so many rows between flushes (a flood of made-up campaigns)', async () => {
    const maxPendingRows = 50
    const counter = createLandingViewCounter(database.db, () => undefined, { ...NEVER, maxPendingRows })
    for (let campaign = 0; campaign <= maxPendingRows; campaign++) counter.count({ path: '/bundles/flooded', attribution: { utm_campaign: `spam-${campaign}` }, at })
    counter.count({ path: '/bundles/flooded', attribution: { utm_campaign: 'spam-0' }, at })
    await counter.stop()
    // Every made-up value lands in '(other)': the rows held, plus the second view of the first.
    expect(await viewsOf('/bundles/flooded')).toEqual([{ day: '2026-11-23', utm_source: '', utm_campaign: '(other)', views: maxPendingRows + 1 }])
  })
})
