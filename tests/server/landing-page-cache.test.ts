import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate'
import priceBook from '../../db/seed/price-book.json'
import { seedDatabase } from '../../db/seed/seed'
import type { PriceBookInput } from '../../server/pricing/catalog-schema'
import { landingViews } from '../../server/repositories/landing-views-repository'
import { publishPriceBook } from '../support/publish-catalog'
import { startServer, type RunningServer } from '../support/server-process'
import { createServerDatabase, type ServerDatabase } from '../support/server-database'
import { databaseKinds } from '../support/test-database'

/**
 * Landing pages are rendered once per catalog version and served from memory (server/landing): what
 * must still happen per request, and what must never be served from memory, on the built server.
 */
describe.each(databaseKinds)('landing pages served from memory (built server, %s)', (kind) => {
  let database: ServerDatabase
  let server: RunningServer
  beforeAll(async () => {
    database = await createServerDatabase(kind)
    await migrateToLatest(database.handle.db)
    await seedDatabase(database.handle.db, { now: new Date() })
    server = await startServer({ DATABASE_URL: database.url, NODE_ENV: 'test' })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    await database?.drop()
  })

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.baseUrl}${path}`, { headers, redirect: 'manual' })
    return { status: response.status, cookie: response.headers.get('set-cookie'), html: await response.text() }
  }

  it('shows a new release on the pages already served', async () => {
    for (let i = 0; i < 2; i++) expect((await page('/en/bundles/evergreen')).html).toContain('Business Evergreen')
    const book = structuredClone(priceBook) as PriceBookInput
    book.offerings.find((offering) => offering.slug === 'evergreen')!.name.en = 'Evergreen Cache Probe'
    await publishPriceBook(database.handle.db, book, new Date())
    // Another process approved it: the server reads the release list again within a second.
    let html = ''
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && !html.includes('Evergreen Cache Probe'); ) {
      html = (await page('/en/bundles/evergreen')).html
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(html).toContain('Evergreen Cache Probe')
    expect((await page('/en/')).html).toContain('Evergreen Cache Probe')
  })

  it('counts every view and sets the first-touch cookie on a page served from memory', async () => {
    const landing = '/bundles/shangjiale?utm_source=baidu&utm_medium=cpc&utm_campaign=lujiazui'
    const visits = await Promise.all([0, 1, 2].map(() => page(landing)))
    visits.push(await page(landing))
    for (const visit of visits) {
      expect(visit.status).toBe(200)
      expect(visit.cookie).toMatch(/^sf_attribution=/)
    }
    // A visitor who has the cookie already keeps their first touch: no new cookie, still a view.
    const returning = await page(landing, { cookie: visits[0].cookie!.split(';')[0] })
    expect(returning.cookie).toBeNull()
    // Counted in memory, added to the database within a second or so.
    const counted = async () => (await landingViews(database.handle.db, '/bundles/shangjiale')).filter((row) => row.utm_campaign === 'lujiazui').reduce((total, row) => total + Number(row.views), 0)
    await expect.poll(counted, { timeout: 5_000 }).toBe(5)
  })

  it('serves every ad click from one rendering, each page carrying its own click on', async () => {
    await page('/bundles/evergreen')
    for (const click of ['bd_vid=click-1', 'bd_vid=click-2']) {
      const { html } = await page(`/bundles/evergreen?utm_source=baidu&${click}`)
      // The language switch and the callback form's way back keep this click (its & escaped in HTML).
      expect(html).toContain(`href="/en/bundles/evergreen?utm_source=baidu&#38;${click}"`)
      expect(html).toContain(`name="return" value="/bundles/evergreen?utm_source=baidu&#38;${click}"`)
      expect(html).not.toContain('CARRIEDQUERY')
    }
    const plain = await page('/bundles/evergreen')
    expect(plain.html).toContain('href="/en/bundles/evergreen"')
    expect(plain.html).not.toContain('bd_vid')
  })

  it('keeps the bundle list’s filters apart', async () => {
    const count = (html: string) => /共 (\d+) 个套餐/.exec(html)?.[1]
    const all = count((await page('/')).html)
    const mobiles = count((await page('/?need=mobile&utm_source=baidu')).html)
    expect(Number(mobiles)).toBeLessThan(Number(all))
    expect(count((await page('/?utm_source=baidu&need=mobile')).html)).toBe(mobiles)
    expect(count((await page('/?utm_source=google')).html)).toBe(all)
  })

  it('never serves a visitor’s refused callback form from memory', async () => {
    const refused = await fetch(`${server.baseUrl}/api/leads`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl },
      body: new URLSearchParams({ company: 'Cache Probe Trading', name: '李雷', mobile: '123', lang: 'zh', source: 'callback', return: '/bundles/evergreen' }),
    })
    expect(refused.status).toBe(303)
    const back = refused.headers.get('location')!
    expect(back).toMatch(/lead_form=/)
    const shown = await page(back)
    expect(shown.html).toContain('Cache Probe Trading')
    // Once the typed values are gone (expired), the same address shows an empty form, and no other page shows them.
    await database.handle.db.deleteFrom('form_flashes').execute()
    expect((await page(back)).html).not.toContain('Cache Probe Trading')
    expect((await page('/bundles/evergreen')).html).not.toContain('Cache Probe Trading')
  })
})
