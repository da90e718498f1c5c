import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runServerToExit, startServer, type RunningServer } from '../support/server-process'

describe('the built storefront server (npm start)', () => {
  let dir: string
  let server: RunningServer
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-server-'))
    server = await startServer({ DATABASE_URL: `file:${join(dir, 'data', 'storefront.db')}` })
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

  it('stops at start-up with a clear message on a bad setting', async () => {
    const { code, output } = await runServerToExit({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' })
    expect(code).toBe(1)
    expect(output).toContain('PORT')
    expect(output).toContain('DATABASE_URL: use file:PATH for SQLite or postgres://... for PostgreSQL')
  })
})
