import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEEP_ALIVE_TIMEOUT_MS } from '../../server/keep-alive'
import { startNginx, type RunningNginx } from '../support/nginx'

/** The shipped nginx config in front of a stand-in upstream that answers with what it received. */
describe('server/deploy/nginx/storefront.conf', () => {
  let upstream: Server
  let nginx: RunningNginx
  const seen: { url: string; headers: IncomingHttpHeaders }[] = []

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers })
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ padding: 'x'.repeat(4000) }))
    }).listen(0, '127.0.0.1')
    await once(upstream, 'listening')
    nginx = await startNginx([`127.0.0.1:${(upstream.address() as AddressInfo).port}`])
  })

  afterAll(async () => {
    await nginx?.stop()
    upstream?.close()
  })

  it('passes the client address last in X-Forwarded-For (what TRUST_PROXY reads), the scheme and a request id', async () => {
    const response = await fetch(`${nginx.origin}/api/offerings`, { headers: { 'x-forwarded-for': '6.6.6.6' } })
    expect(response.status).toBe(200)
    const { headers } = seen.at(-1)!
    // A client's own claim stays first; the address nginx saw is appended last.
    expect(headers['x-forwarded-for']).toBe('6.6.6.6, 127.0.0.1')
    expect(headers['x-forwarded-proto']).toBe('http')
    expect(headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/)
    expect(headers.connection).not.toBe('close')
  })

  it('closes its idle upstream connections before the server does (keepalive_timeout below KEEP_ALIVE_TIMEOUT_MS)', () => {
    const upstreamBlock = readFileSync('server/deploy/nginx/storefront.conf', 'utf8').match(/upstream storefront \{[^}]*\}/)![0]
    const seconds = Number(upstreamBlock.match(/keepalive_timeout (\d+)s;/)![1])
    expect(seconds * 1000).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS)
  })

  it('compresses JSON for clients that accept gzip', async () => {
    const response = await fetch(`${nginx.origin}/api/offerings`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
  })

  it('keeps metrics and probes off the public side', async () => {
    const before = seen.length
    for (const path of ['/metrics', '/readyz', '/healthz']) expect((await fetch(`${nginx.origin}${path}`)).status).toBe(403)
    expect(seen.length).toBe(before)
  })
})
