import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, runServerToExit, startServer, type RunningServer } from '../support/server-process'

const lastLine = (output: string) => output.trim().split('\n').at(-1)

describe('the real server process: headers, limits, start-up checks', () => {
  let dir: string
  let http: RunningServer
  let https: RunningServer
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-security-'))
    const database = { DATABASE_URL: `file:${join(dir, 'storefront.db')}`, RATE_LIMIT_LEADS: '2/1h' }
    http = await startServer(database)
    https = await startServer({ ...database, PUBLIC_BASE_URL: 'https://bundles.example.cn' })
  }, 90_000)
  afterAll(async () => {
    await Promise.all([http?.stop(), https?.stop()])
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends the security headers with pages, assets and API answers', async () => {
    for (const path of ['/', '/bundles/evergreen', '/favicon.svg', '/no-such-page']) {
      const response = await fetch(`${http.baseUrl}${path}`)
      const csp = response.headers.get('content-security-policy')!
      expect(csp, path).toContain("frame-ancestors 'none'")
      expect(csp).toContain("default-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('permissions-policy')).toContain('camera=()')
      expect(response.headers.get('strict-transport-security')).toBeNull()
    }
    expect((await fetch(`${https.baseUrl}/`)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  })

  it('answers the API with the headers of a resource no page may load or frame, without the pages’ policy', async () => {
    for (const path of ['/api/offerings', '/api/no-such-route']) {
      const response = await fetch(`${http.baseUrl}${path}`)
      expect(response.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin')
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('cache-control')).toBe('no-store')
      // Headers only a rendered document heeds are left off the API's answers.
      for (const documentOnly of ['permissions-policy', 'cross-origin-opener-policy', 'x-xss-protection', 'x-dns-prefetch-control']) expect(response.headers.get(documentOnly), documentOnly).toBeNull()
      expect(response.headers.get('strict-transport-security')).toBeNull()
    }
    expect((await fetch(`${https.baseUrl}/api/offerings`)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  })

  it('keeps pages with a token or personal data out of caches', async () => {
    for (const path of ['/orders/SO-1?token=x', '/en/leads/nope', '/quotes/nope', '/checkout/nope', '/bundles/evergreen?lead_form=abc']) {
      expect((await fetch(`${http.baseUrl}${path}`)).headers.get('cache-control'), path).toBe('no-store')
    }
    expect((await fetch(`${http.baseUrl}/bundles/evergreen`)).headers.get('cache-control')).not.toBe('no-store')
  })

  it('marks the attribution cookie Secure only when the site is served over https', async () => {
    const landing = '/bundles/evergreen?utm_source=baidu'
    expect((await fetch(`${https.baseUrl}${landing}`)).headers.get('set-cookie')).toMatch(/;\s*Secure/i)
    expect((await fetch(`${http.baseUrl}${landing}`)).headers.get('set-cookie')).not.toMatch(/;\s*Secure/i)
  })

  // One process serves an SQLite database and counts in memory; processes sharing PostgreSQL share
  // their counts (tests/scale/cross-process.test.ts).
  it('limits callback requests per client as the settings say', async () => {
    const post = (server: RunningServer, mobile: string) =>
      fetch(`${server.baseUrl}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ company: '示例', contact: { name: '李雷', mobile } }),
      })
    expect((await post(http, '13700000001')).status).toBe(201)
    expect((await post(http, '13700000002')).status).toBe(201)
    const refused = await post(http, '13700000003')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('refuses half a payment configuration and a base URL that is not http(s)', async () => {
    const stripe = await runServerToExit({ STRIPE_SECRET_KEY: 'sk_test_x', DATABASE_URL: `file:${join(dir, 'other.db')}` })
    expect(stripe.code).toBe(1)
    expect(stripe.output).toContain('set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET together')
    const base = await runServerToExit({ PUBLIC_BASE_URL: 'ftp://bundles.example.cn', DATABASE_URL: `file:${join(dir, 'other.db')}` })
    expect(base.code).toBe(1)
    expect(base.output).toContain('PUBLIC_BASE_URL: an http:// or https:// address')
    const limit = await runServerToExit({ RATE_LIMIT_LEADS: 'lots', DATABASE_URL: `file:${join(dir, 'other.db')}` })
    expect(limit.output).toContain('RATE_LIMIT_LEADS: write it as COUNT/PERIOD')
  })

  it('says in one line, without a stack trace, when the port is taken, the host is wrong or PostgreSQL is unreachable', async () => {
    const port = await freePort()
    const blocker = createServer().listen(port, '127.0.0.1')
    await once(blocker, 'listening')
    try {
      const taken = await runServerToExit({ HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: `file:${join(dir, 'storefront.db')}` })
      expect(taken.code).toBe(1)
      // Start-up notices (e.g. the demo users) may come first: the failure is the last line, and no stack trace.
      expect(lastLine(taken.output)).toBe(`Cannot listen on 127.0.0.1:${port}: the port is already in use (set PORT to a free one, or stop the other server)`)
      expect(taken.output).not.toMatch(/\n\s+at /)
    } finally {
      blocker.close()
    }
    const host = await runServerToExit({ HOST: '203.0.113.77', PORT: String(port), DATABASE_URL: `file:${join(dir, 'storefront.db')}` })
    expect(host.code).toBe(1)
    expect(lastLine(host.output)).toBe(`Cannot listen on 203.0.113.77:${port}: HOST is not an address of this machine`)
    expect(host.output).not.toMatch(/\n\s+at /)
    const postgres = await runServerToExit({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/test' })
    expect(postgres.code).toBe(1)
    expect(postgres.output.trim().split('\n')).toHaveLength(1)
    expect(postgres.output).toContain('Cannot use the database postgres://postgres:***@127.0.0.1:1/test: ECONNREFUSED')
    expect(postgres.output).not.toContain('secret')
    expect(postgres.output).not.toMatch(/\n\s+at /)
  }, 60_000)
})
