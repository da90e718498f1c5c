import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed'
import { createStaffUser } from '../../server/console/staff-admin'
import type { Services } from '../../server/services/services'
import { testPostgresUrl } from '../support/postgres-url'
import { adminQuery } from '../support/test-database'
import { STAFF_PASSWORD } from '../support/staff'
import { startServer, type RunningServer } from '../support/server-process'

/** Time for the approval to reach the server before its publish time, even on a loaded machine. */
const HEADROOM_MS = 10_000

/** A database of its own on the test server: two server processes share it as production would. */
describe('a release goes live at its time in every server process, without a restart (PostgreSQL)', () => {
  const name = `storefront_publish_${randomBytes(4).toString('hex')}`
  const url = new URL(testPostgresUrl)
  url.pathname = `/${name}`
  let database: DatabaseHandle
  const servers: RunningServer[] = []

  beforeAll(async () => {
    await adminQuery(`create database ${name}`)
    database = connectDatabase(url.toString())
    await migrateToLatest(database.db)
    await seedDatabase(database.db, { now: new Date() })
    const services = { db: database.db, now: () => new Date() } as Services
    for (const [email, roles] of [['marketing@publish.test', ['marketing']], ['approver@publish.test', ['approver']]] as const) {
      await createStaffUser(services, { kind: 'cli', id: null }, { email, displayName: email, roles: [...roles], password: STAFF_PASSWORD })
    }
    servers.push(...(await Promise.all([0, 1].map(() => startServer({ DATABASE_URL: url.toString(), NODE_ENV: 'test' })))))
  }, 90_000)

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await database?.close()
    await adminQuery(`drop database if exists ${name} with (force)`)
  })

  /** JSON to a server as its own console page would send it (its origin, the session cookie). */
  async function send(server: RunningServer, path: string, body: unknown, cookie = '', method = 'POST') {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: server.baseUrl, cookie },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`)
    return { json: JSON.parse(text), cookie: response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') }
  }
  const signIn = async (server: RunningServer, email: string) => (await send(server, '/api/console/session', { email, password: STAFF_PASSWORD })).cookie
  const versionAt = async (server: RunningServer) => ((await (await fetch(`${server.baseUrl}/api/offerings`)).json()) as { catalogVersion: string }).catalogVersion

  it('switches both processes at the publish time chosen in one of them', async () => {
    const [first, second] = servers as [RunningServer, RunningServer]
    const before = await versionAt(first)
    expect(await versionAt(second)).toBe(before)

    // Marketing drafts on the first process; an approver approves on the second, a few seconds ahead.
    const marketing = await signIn(first, 'marketing@publish.test')
    const draft = (await send(first, '/api/console/catalog/drafts', { title: 'Plan B at 1.05X' }, marketing)).json
    const book = structuredClone(draft.book)
    Object.assign(book.offerings.find((offering: { slug: string }) => offering.slug === 'evergreen').rule.plans.find((plan: { id: string }) => plan.id === 'B'), { commitmentBp: 10500 })
    await send(first, `/api/console/catalog/drafts/${draft.id}`, { book, revision: draft.revision }, marketing, 'PUT')
    await send(first, `/api/console/catalog/drafts/${draft.id}/submit`, {}, marketing)
    const publishAt = new Date(Date.now() + HEADROOM_MS)
    const approver = await signIn(second, 'approver@publish.test')
    const approved = (await send(second, `/api/console/catalog/drafts/${draft.id}/approve`, { publishAt: publishAt.toISOString(), districts: [] }, approver)).json
    expect(approved.catalogVersion).not.toBe(before)
    expect(Date.now(), 'the approval came back before its publish time').toBeLessThan(publishAt.getTime())

    // Until its time both still serve the old version; then each serves the new one.
    const switchedAt = await Promise.all(
      servers.map(async (server) => {
        for (;;) {
          const asked = Date.now()
          const version = await versionAt(server)
          if (version === approved.catalogVersion) return asked
          expect(version).toBe(before)
          if (Date.now() > publishAt.getTime() + 10_000) throw new Error(`${server.baseUrl} still serves ${version}`)
          await new Promise((resolve) => setTimeout(resolve, 200))
        }
      }),
    )
    for (const asked of switchedAt) {
      // The answer that first showed the new version was asked for no earlier than a moment before its time.
      expect(asked).toBeGreaterThanOrEqual(publishAt.getTime() - 1_000)
      expect(asked).toBeLessThan(publishAt.getTime() + 2_000)
    }
    // A new quote on either process is priced with it.
    const quote = await send(first, '/api/quotes', { offering: 'evergreen', options: { plan: 'B' }, termMonths: 12, items: { 'fixed-line': 1 }, customer: { status: 'new', priorMonthlySpend: [100000, 100000, 100000] } })
    expect(quote.json).toMatchObject({ catalogVersion: approved.catalogVersion, monthly: { commitment: 105000 } })
  }, 60_000)
})
