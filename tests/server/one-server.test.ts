import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectDatabase } from '../../db/connect'
import { landingViews } from '../../server/repositories/landing-views-repository'
import { runServerToExit, startServer, type RunningServer } from '../support/server-process'

describe('the built storefront server (npm start)', () => {
  let dir: string
  let server: RunningServer
  const databasePath = () => join(dir, 'data', 'storefront.db')
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-server-'))
    server = await startServer({ DATABASE_URL: `file:${databasePath()}`, PUBLIC_BASE_URL: 'https://bundles.example.cn' })
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves the home page with the seeded offerings, in Chinese and English', async () => {
    const zh = await fetch(`${server.baseUrl}/`)
    expect(zh.status).toBe(200)
    const zhPage = await zh.text()
    expect(zhPage).toContain('lang="zh-CN"')
    expect(zhPage).toContain('商务常青')
    expect(zhPage).toContain('¥450.00')
    const en = await (await fetch(`${server.baseUrl}/en/`)).text()
    expect(en).toContain('Business Evergreen')
  })

  it('serves the API from the same port', async () => {
    const response = await fetch(`${server.baseUrl}/api/offerings`)
    expect(response.status).toBe(200)
    expect((await response.json()).offerings).toHaveLength(7)
    const quote = await fetch(`${server.baseUrl}/api/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offering: 'shangjiale', termMonths: 12, customer: { status: 'new' } }),
    })
    expect(quote.status).toBe(201)
    expect((await quote.json()).monthly.estimatedBill).toBe(9900)
  })

  it('answers unknown pages with 404 and unknown API routes with the JSON error', async () => {
    expect((await fetch(`${server.baseUrl}/no-such-page`)).status).toBe(404)
    const api = await fetch(`${server.baseUrl}/api/no-such-route`)
    expect(api.status).toBe(404)
    expect((await api.json()).error.code).toBe('not_found')
  })

  it('keeps the first ad touch in a cookie and counts landing views per page and campaign', async () => {
    const landing = '/bundles/evergreen?utm_source=baidu&utm_medium=cpc&utm_campaign=lujiazui&bd_vid=v1'
    const first = await fetch(`${server.baseUrl}${landing}`)
    expect(first.status).toBe(200)
    const cookie = first.headers.get('set-cookie')!
    expect(cookie).toMatch(/^sf_attribution=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(JSON.parse(decodeURIComponent(cookie.split(';')[0].split('=')[1]))).toEqual({ utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'lujiazui', bd_vid: 'v1' })

    const later = await fetch(`${server.baseUrl}/bundles/evergreen?utm_source=google&gclid=g1`, { headers: { cookie: cookie.split(';')[0] } })
    expect(later.headers.get('set-cookie')).toBeNull()
    await fetch(`${server.baseUrl}${landing}`)

    const handle = connectDatabase(`file:${databasePath()}`)
    try {
      // Counted in memory, added to the database within a second or so.
      const views = async () => (await landingViews(handle.db, '/bundles/evergreen')).map(({ utm_source, utm_campaign, views }) => ({ utm_source, utm_campaign, views }))
      await expect
        .poll(views, { timeout: 5_000 })
        .toEqual(
          expect.arrayContaining([
            { utm_source: 'baidu', utm_campaign: 'lujiazui', views: 2 },
            { utm_source: 'google', utm_campaign: '', views: 1 },
          ]),
        )
    } finally {
      await handle.close()
    }
  })

  it('gives bundle pages search-engine metadata and no script but JSON-LD', async () => {
    const page = await (await fetch(`${server.baseUrl}/en/bundles/evergreen`)).text()
    expect(page).toContain('<link rel="canonical" href="https://bundles.example.cn/en/bundles/evergreen">')
    expect(page).toContain('hreflang="zh-CN" href="https://bundles.example.cn/bundles/evergreen"')
    const jsonLd = JSON.parse(page.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1])
    expect(jsonLd).toMatchObject({ '@type': 'Product', name: 'Business Evergreen', offers: { '@type': 'Offer', priceCurrency: 'CNY', price: '450.00' } })
    expect(page.match(/<script(?![^>]*application\/ld\+json)[^>]*>/g)).toBeNull()
  })

  it('stops at start-up with a clear message on a bad setting', async () => {
    const { code, output } = await runServerToExit({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' })
    expect(code).toBe(1)
    expect(output).toContain('PORT')
    expect(output).toContain('DATABASE_URL: use file:PATH for SQLite or postgres://... for PostgreSQL')
  })
})
