import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installDays } from '../../server/domain/install-slots'
import { broadbandQuote, orderBody } from '../support/orders'
import { freePort, startServer, type RunningServer } from '../support/server-process'

const BUILDING = 'bld-jinmao-tower'
const ROUNDS = 7
const CLIENTS = 8
const REPLAYS_PER_ROUND = 4

interface Acknowledged {
  key: string
  body: ReturnType<typeof orderBody>
  id: string
  number: string
  status: string
  quoteId: string
  round: number
}

interface RoundStats {
  acknowledged: number
  rejectedInFlight: number
  inFlightAtKill: number
  killAfterMs: number
}

const randomBetween = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))

/** A slot the server's real clock offers at Jin Mao (same-day allowed): a morning a few working days ahead. */
/** The code the server mailed for a verification, read from its outbox (the file is shared in WAL mode). */
function mailedCode(file: string, verificationId: string): string {
  const sqlite = new SqliteDatabase(file, { readonly: true })
  try {
    const row = sqlite
      .prepare("select json_extract(payload_json, '$.code') as code from outbox where kind = 'email_verification' and json_extract(payload_json, '$.verificationId') = ?")
      .get(verificationId) as { code: string } | undefined
    if (!row) throw new Error(`no verification mail for ${verificationId}`)
    return row.code
  } finally {
    sqlite.close()
  }
}

function installSlot(): { date: string; slot: 'am' } {
  const fullDays = installDays(new Date(), true).filter((day) => day.slots.includes('am'))
  return { date: fullDays[3].date, slot: 'am' }
}

/** SIGKILL: no shutdown handler, no database close, whatever was in flight is cut off. */
async function killHard(server: RunningServer): Promise<void> {
  const child = server.process
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }
}

describe('crash safety: the server process killed mid-order', () => {
  let dir: string
  let server: RunningServer | undefined
  const databasePath = () => join(dir, 'data', 'storefront.db')
  let env: Record<string, string>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-crash-'))
    // An SMTP address nobody listens on: the outbox worker fails fast instead of writing .eml files
    // into the working copy's data/outbox; outbox rows stay in the database either way.
    // One client places every order of the run, with one credit code: far above the storefront's limits.
    const unlimited = '1000000/1h'
    env = {
      DATABASE_URL: `file:${databasePath()}`,
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      RATE_LIMIT_QUOTES: unlimited,
      RATE_LIMIT_ORDERS: unlimited,
      RATE_LIMIT_ORDERS_PER_COMPANY: unlimited,
      RATE_LIMIT_VERIFICATIONS: unlimited,
      RATE_LIMIT_VERIFICATIONS_PER_EMAIL: unlimited,
    }
  })
  afterAll(async () => {
    if (server) await killHard(server)
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every acknowledged order intact, idempotent and consistent, and the file passes integrity_check', { timeout: 60_000 }, async () => {
    const startedAt = Date.now()

    // Migrate and seed once, then give Jin Mao plenty of fibre while no server holds the file.
    server = await startServer(env)
    await server.stop()
    server = undefined
    const initialPorts = new Map<string, { fibre: number; voice: number }>()
    {
      const sqlite = new SqliteDatabase(databasePath())
      try {
        sqlite.prepare('update buildings set free_fibre_ports = 10000 where id = ?').run(BUILDING)
        for (const row of sqlite.prepare('select id, free_fibre_ports, free_voice_ports from buildings').all() as {
          id: string
          free_fibre_ports: number
          free_voice_ports: number
        }[]) {
          initialPorts.set(row.id, { fibre: row.free_fibre_ports, voice: row.free_voice_ports })
        }
      } finally {
        sqlite.close()
      }
    }
    expect(initialPorts.get(BUILDING)?.fibre).toBe(10_000)

    const acknowledged: Acknowledged[] = []
    const rounds: RoundStats[] = []
    let replaysChecked = 0

    for (let round = 0; round < ROUNDS; round++) {
      const running = await startServer(env)
      server = running

      // After a restart, earlier acknowledged orders replay to the same answer (every other round).
      if (round % 2 === 1 && acknowledged.length > 0) {
        const sample = [...acknowledged].sort(() => Math.random() - 0.5).slice(0, REPLAYS_PER_ROUND)
        for (const order of sample) {
          const response = await fetch(`${running.baseUrl}/api/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'Idempotency-Key': order.key },
            body: JSON.stringify(order.body),
          })
          expect(response.status, `replay of ${order.number} (round ${order.round})`).toBe(201)
          expect(response.headers.get('Idempotent-Replayed')).toBe('true')
          const replayed = await response.json()
          expect(replayed).toMatchObject({ id: order.id, number: order.number, status: order.status })
          replaysChecked += 1
        }
      }

      let killed = false
      let inFlight = 0
      let rejectedInFlight = 0
      let roundAcknowledged = 0
      let acknowledgedOnce = () => {}
      const firstAcknowledged = new Promise<void>((resolve) => (acknowledgedOnce = resolve))
      const slot = installSlot()

      /** A fetch against the live child; rejections of requests sent before the kill are counted. */
      const send = async (path: string, init: RequestInit): Promise<Response | undefined> => {
        if (killed) return undefined
        inFlight += 1
        try {
          const response = await fetch(`${running.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(15_000) })
          // Read the whole body here: a response cut off mid-body is not an acknowledgement.
          const text = await response.text()
          return new Response(text, { status: response.status, headers: response.headers })
        } catch (error) {
          if (!killed) throw error
          rejectedInFlight += 1
          return undefined
        } finally {
          inFlight -= 1
        }
      }

      const client = async () => {
        while (!killed) {
          const quote = await send('/api/quotes', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...broadbandQuote, buildingId: BUILDING }),
          })
          if (!quote) return
          if (quote.status !== 201) throw new Error(`quote refused (${quote.status}): ${await quote.text()}`)
          const { id: quoteId } = (await quote.json()) as { id: string }
          const key = randomUUID()
          const unverified = orderBody(quoteId, { installSlot: slot })
          const asked = await send('/api/verifications', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: unverified.contact.email }),
          })
          if (!asked) return
          if (asked.status !== 202) throw new Error(`verification refused (${asked.status}): ${await asked.text()}`)
          const { id: verificationId } = (await asked.json()) as { id: string }
          const body = { ...unverified, verification: { id: verificationId, code: mailedCode(databasePath(), verificationId) } }
          const order = await send('/api/orders', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify(body),
          })
          if (!order) return
          if (order.status !== 201) throw new Error(`order refused (${order.status}): ${await order.text()}`)
          const placed = (await order.json()) as { id: string; number: string; status: string }
          acknowledged.push({ key, body, id: placed.id, number: placed.number, status: placed.status, quoteId, round })
          roundAcknowledged += 1
          acknowledgedOnce()
        }
      }

      // A client's own failure (a refused quote or order while the server is up) fails the test after the kill.
      let clientFailure: unknown
      const clients = Array.from({ length: CLIENTS }, () => client().catch((error) => (clientFailure ??= error)))
      // The kill comes at a random moment once orders are flowing: counted from the round's first
      // acknowledged order, so a slow (busy) machine still crashes mid-stream rather than before it.
      await Promise.race([firstAcknowledged, new Promise((resolve) => setTimeout(resolve, 15_000))])
      const killAfterMs = randomBetween(150, 600)
      await new Promise((resolve) => setTimeout(resolve, killAfterMs))
      const inFlightAtKill = inFlight
      killed = true
      running.process.kill('SIGKILL')
      await Promise.all(clients)
      await killHard(running)
      if (clientFailure) throw new Error(`round ${round}: ${String(clientFailure)}\n${running.output().slice(-2000)}`, { cause: clientFailure })
      expect(running.process.signalCode).toBe('SIGKILL')
      server = undefined
      rounds.push({ acknowledged: roundAcknowledged, rejectedInFlight, inFlightAtKill, killAfterMs })
    }

    const totalRejected = rounds.reduce((total, round) => total + round.rejectedInFlight, 0)
    console.log(
      `crash-safety: ${rounds.length} rounds, ${acknowledged.length} orders acknowledged, ` +
        `${totalRejected} requests cut off by the kill, ${replaysChecked} replays after restart, ${Date.now() - startedAt} ms\n` +
        rounds.map((round, index) => `  round ${index}: kill after ${round.killAfterMs} ms, ${round.acknowledged} acknowledged, ${round.inFlightAtKill} in flight, ${round.rejectedInFlight} rejected`).join('\n'),
    )

    // The run really exercised crashes.
    expect(acknowledged.length).toBeGreaterThanOrEqual(20)
    expect(rounds.some((round) => round.rejectedInFlight > 0)).toBe(true)
    expect(replaysChecked).toBeGreaterThan(0)
    expect(new Set(acknowledged.map((order) => order.number)).size).toBe(acknowledged.length)

    const sqlite = new SqliteDatabase(databasePath())
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(sqlite.pragma('foreign_key_check')).toEqual([])

      const orders = sqlite.prepare('select id, number, quote_id, status, building_id, fibre_ports_reserved, voice_ports_reserved from orders').all() as {
        id: string
        number: string
        quote_id: string
        status: string
        building_id: string
        fibre_ports_reserved: number
        voice_ports_reserved: number
      }[]
      const ordersById = new Map(orders.map((order) => [order.id, order]))
      const countBy = (sql: string) => new Map((sqlite.prepare(sql).all() as { order_id: string; n: number }[]).map((row) => [row.order_id, row.n]))
      const items = countBy('select order_id, count(*) as n from order_items group by order_id')
      const work = countBy('select order_id, count(*) as n from work_orders group by order_id')
      const events = countBy('select order_id, count(*) as n from order_events group by order_id')
      const firstEvents = new Map(
        (sqlite.prepare('select order_id, status from order_events where sequence = 1').all() as { order_id: string; status: string }[]).map((row) => [row.order_id, row.status]),
      )
      const outboxByNumber = new Map<string, number>()
      for (const row of sqlite.prepare('select payload_json from outbox').all() as { payload_json: string }[]) {
        const number = JSON.parse(row.payload_json).orderNumber as string | undefined
        if (number) outboxByNumber.set(number, (outboxByNumber.get(number) ?? 0) + 1)
      }
      // Each order is under its search trigrams (had the server's index job got to it) or still queued for them, never lost to search.
      const grams = countBy('select order_id, count(*) as n from order_search_grams group by order_id')
      const queuedForSearch = countBy('select order_id, count(*) as n from order_search_backlog group by order_id')
      const idempotentById = new Map<string, string>()
      for (const row of sqlite.prepare('select key, response_json from idempotency_keys').all() as { key: string; response_json: string }[]) {
        idempotentById.set(JSON.parse(row.response_json).id, row.key)
      }

      // Every acknowledged order survived the kills, whole.
      for (const order of acknowledged) {
        const row = ordersById.get(order.id)
        expect(row, `acknowledged order ${order.number} (round ${order.round}) is missing`).toBeDefined()
        expect(row).toMatchObject({ number: order.number, quote_id: order.quoteId, status: order.status })
        expect(order.status).toBe('awaiting_transfer')
        expect(idempotentById.get(order.id), `idempotency key of ${order.number}`).toBe(order.key)
      }

      // Atomicity, for every order row (acknowledged or cut off before its answer): all or nothing.
      const broken: string[] = []
      for (const order of orders) {
        const problems = [
          items.get(order.id) !== 2 && `${items.get(order.id) ?? 0} items`,
          !(work.get(order.id)! >= 1) && 'no work order',
          !(events.get(order.id)! >= 1) && 'no event',
          firstEvents.get(order.id) !== order.status && `first event ${firstEvents.get(order.id)}`,
          outboxByNumber.get(order.number) !== 2 && `${outboxByNumber.get(order.number) ?? 0} outbox messages`,
          !idempotentById.has(order.id) && 'no idempotency key',
          order.fibre_ports_reserved !== 1 && `${order.fibre_ports_reserved} fibre ports`,
          !(grams.get(order.id)! > 20) && !queuedForSearch.has(order.id) && 'neither indexed for search nor queued',
        ].filter(Boolean)
        if (problems.length > 0) broken.push(`${order.number}: ${problems.join(', ')}`)
      }
      expect(broken).toEqual([])
      // Nothing refers to an order that is not there (foreign_key_check covers declared keys only).
      const orphans = sqlite
        .prepare(
          `select 'order_items' as tbl, order_id from order_items where order_id not in (select id from orders)
           union all select 'work_orders', order_id from work_orders where order_id not in (select id from orders)
           union all select 'order_events', order_id from order_events where order_id not in (select id from orders)`,
        )
        .all()
      expect(orphans).toEqual([])
      expect([...idempotentById.keys()].filter((id) => !ordersById.has(id))).toEqual([])
      expect([...outboxByNumber.keys()].filter((number) => !orders.some((order) => order.number === number))).toEqual([])

      // Ports are conserved: each building has given away exactly what its live orders hold.
      const buildings = sqlite.prepare('select id, free_fibre_ports, free_voice_ports from buildings').all() as {
        id: string
        free_fibre_ports: number
        free_voice_ports: number
      }[]
      expect(buildings).toHaveLength(initialPorts.size)
      for (const building of buildings) {
        const held = orders.filter((order) => order.building_id === building.id && order.status !== 'cancelled')
        const initial = initialPorts.get(building.id)!
        expect({ building: building.id, fibre: initial.fibre - building.free_fibre_ports, voice: initial.voice - building.free_voice_ports }).toEqual({
          building: building.id,
          fibre: held.reduce((total, order) => total + order.fibre_ports_reserved, 0),
          voice: held.reduce((total, order) => total + order.voice_ports_reserved, 0),
        })
      }
      expect(orders.length).toBeGreaterThanOrEqual(acknowledged.length)
      console.log(`crash-safety: ${orders.length} orders in the database (${orders.length - acknowledged.length} committed but not acknowledged)`)
    } finally {
      sqlite.close()
    }
  })
})
