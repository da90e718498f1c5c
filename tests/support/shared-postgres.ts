import { randomBytes, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed'
import { limitSettingName } from '../../server/config'
import { newVerificationCode, verificationCodeHash } from '../../server/domain/email-verification'
import { installDays } from '../../server/domain/install-slots'
import { limitRules, type LimitRule } from '../../server/services/rate-limits'
import { orderBody } from './orders'
import { testPostgresUrl } from './postgres-url'
import { adminQuery } from './test-database'

/**
 * A PostgreSQL database of its own on the test server, migrated and seeded: server processes are
 * given its URL (they take no schema setting), as production processes share one database.
 */
export interface SharedPostgres {
  url: string
  /** The test's own connection, to prepare data and check what the processes did. */
  database: DatabaseHandle
  drop: () => Promise<void>
}

export async function createSharedPostgres(label: string): Promise<SharedPostgres> {
  const name = `storefront_${label}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database ${name}`)
  const url = new URL(testPostgresUrl)
  url.pathname = `/${name}`
  const database = connectDatabase(url.toString())
  await migrateToLatest(database.db)
  await seedDatabase(database.db, { now: new Date() })
  return {
    url: url.toString(),
    database,
    drop: async () => {
      await database.close()
      await adminQuery(`drop database if exists ${name} with (force)`)
    },
  }
}

/** Environment for a server process that no test's load reaches the limits of (RATE_LIMIT_*). */
export const generousLimitEnv: Record<string, string> = Object.fromEntries((Object.keys(limitRules) as LimitRule[]).map((rule) => [limitSettingName(rule), '100000000/1m']))

/** The building the load orders go to, given ports enough that every order reserves one. */
export const LOAD_BUILDING = 'bld-jinmao-tower'

export async function givePortsToSpare(database: DatabaseHandle): Promise<void> {
  await database.db.updateTable('buildings').set({ free_fibre_ports: 100_000 }).where('id', '=', LOAD_BUILDING).execute()
}

/**
 * An order body ready to send to `origin`: a stored quote of its own (through the API) and a
 * verification of the contact's address. A customer confirms the code before ordering; here the
 * verification is stored already confirmed, so the test's mail is the orders' own, not a code per
 * order. Install slots are spread over the first days (INSTALL_CAPACITY_PER_HALF_DAY limits each).
 */
export async function readyOrder(origin: string, database: DatabaseHandle, index: number): Promise<object> {
  const response = await fetch(`${origin}/api/quotes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ offering: 'bb-express', options: { payment: 'monthly' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' } }),
  })
  if (response.status !== 201) throw new Error(`the quote answered ${response.status}: ${await response.text()}`)
  const quote = (await response.json()) as { id: string }
  const email = `load-${index}-${randomBytes(3).toString('hex')}@example.com`
  const verification = { id: randomUUID(), code: newVerificationCode() }
  const now = new Date()
  await database.db
    .insertInto('email_verifications')
    .values({
      id: verification.id,
      email,
      code_hash: verificationCodeHash(verification.id, verification.code),
      attempts: 1,
      expires_at: new Date(now.getTime() + 60 * 60_000).toISOString(),
      confirmed_at: now.toISOString(),
      used_at: null,
      order_id: null,
      created_at: now.toISOString(),
    })
    .execute()
  const days = installDays(now, false).slice(0, 5)
  const day = days[index % days.length]
  return orderBody(quote.id, {
    contact: { name: '李雷', mobile: '13812345678', email },
    site: { buildingId: LOAD_BUILDING, floor: '8', unit: String(800 + (index % 100)) },
    installSlot: { date: day.date, slot: index % 2 === 0 ? 'am' : 'pm' },
    verification,
  })
}

/** An SMTP server that keeps every mail's Message-ID: what a mail provider received, and how often. */
export interface SmtpSink {
  url: string
  /** Message-IDs in the order they arrived (a repeat shows twice). */
  received: string[]
  close: () => Promise<void>
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: string[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS lookup of each connecting client: it takes a while and every delivery is a new connection.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      let raw = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => (raw += chunk))
      stream.on('end', () => {
        received.push(/^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? `(no Message-ID #${received.length})`)
        callback()
      })
    },
  })
  // A sending server killed mid-delivery resets its connection (ECONNRESET): that message is simply not
  // received. Unheard, the server's 'error' event would end the test run as an uncaught exception
  // (seen in CI, from the kill-one-process test).
  server.on('error', () => {})
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((done) => server.close(() => done())) }
}

/** Message-IDs that arrived more than once. */
export const repeated = (ids: string[]): string[] => [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))]
