import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { newVerificationCode, verificationCodeHash } from '../../server/domain/email-verification'
import { installDays } from '../../server/domain/install-slots'

const run = promisify(execFile)
/** A template building, cloned into BUILDINGS buildings across the seed's districts. */
const TEMPLATE_BUILDING = 'bld-jinmao-tower'
const BUILDINGS = 2_000
const BENCH_EMAIL = 'bench@example.com'

export interface OrderLoadResult {
  label: string
  requestsPerSecond: number
  p99Ms: number
  requests: number
  failures: string | null
}

export interface OrderLoadOptions {
  connections: number
  warmUpSeconds: number
  seconds: number
  /** Prepared quotes: more than a run can order (each order needs a quote of its own). */
  quotes?: number
}

/**
 * Orders placed per second (invoice payment, one fibre port each), each in another building of
 * BUILDINGS (cloned from one seed building across the districts), from a load generator process.
 */
export async function measureOrderThroughput(server: { origin: string; db: Kysely<Database>; idle: () => Promise<void> }, options: OrderLoadOptions): Promise<OrderLoadResult> {
  const quotes = options.quotes ?? 30_000
  const buildingIds = await cloneBuildings(server.db)
  const quoteIds = await prepareQuotes(server.origin, buildingIds, quotes)
  const orders = await withConfirmedVerifications(server.db, quoteIds)
  const days = installDays(new Date(), false).slice(0, 5)
  const dir = mkdtempSync(join(tmpdir(), 'storefront-bench-orders-'))
  try {
    const ordersFile = join(dir, 'orders.json')
    const bodyFile = join(dir, 'order.json')
    // Each order's own building and one of the first working days' half-days.
    writeFileSync(
      ordersFile,
      JSON.stringify(
        orders.map(({ quoteId, buildingId, verification }, index) => ({
          quoteId,
          verification,
          site: { buildingId, floor: '8', unit: '801' },
          installSlot: { date: days[index % days.length].date, slot: index % 2 === 0 ? 'am' : 'pm' },
        })),
      ),
    )
    writeFileSync(
      bodyFile,
      JSON.stringify({
        company: { name: '上海压测科技有限公司', creditCode: '91330100716105852F' },
        contact: { name: '压测', mobile: '13812345678', email: BENCH_EMAIL },
        payment: { method: 'invoice' },
        acceptTerms: true,
      }),
    )
    const args = [server.origin, ordersFile, bodyFile, String(options.connections), String(options.warmUpSeconds), String(options.seconds)]
    const { stdout } = await run(process.execPath, ['--import', 'tsx', new URL('./order-load.ts', import.meta.url).pathname, ...args], { maxBuffer: 16 * 1024 * 1024 })
    await server.idle()
    const result = JSON.parse(stdout) as { requestsPerSecond: number; p99Ms: number; requests: number; errors: number; used: number; unexpected: Record<string, number> }
    // Counted over the warm-up too: an order refused then is as wrong as one refused while measured.
    const unexpected = Object.entries(result.unexpected).map(([answer, count]) => `${count}× ${answer}`)
    if (result.errors > 0) unexpected.push(`${result.errors} errors`)
    if (result.used > orders.length) unexpected.push(`ran out of quotes (${result.used} orders for ${orders.length})`)
    return { label: `POST /api/orders (${BUILDINGS} buildings)`, requestsPerSecond: result.requestsPerSecond, p99Ms: result.p99Ms, requests: result.requests, failures: unexpected.length > 0 ? unexpected.join(', ') : null }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** BUILDINGS copies of the template building, spread over the seed's districts, each with ports to spare and no manager. */
async function cloneBuildings(db: Kysely<Database>): Promise<string[]> {
  const template = await db.selectFrom('buildings').selectAll().where('id', '=', TEMPLATE_BUILDING).executeTakeFirstOrThrow()
  const districts = (await db.selectFrom('buildings').select('district').distinct().execute()).map((row) => row.district)
  const ids = Array.from({ length: BUILDINGS }, (_, index) => `bld-bench-${String(index).padStart(5, '0')}`)
  for (let start = 0; start < ids.length; start += 200) {
    await db
      .insertInto('buildings')
      // Without a manager (their orders go to the district queue): one manager with 2,000 buildings would make every
      // order look for the company's open leads across all of them, which no real portfolio is like.
      .values(ids.slice(start, start + 200).map((id, offset) => ({ ...template, id, district: districts[(start + offset) % districts.length], manager_id: null, free_fibre_ports: 1_000 })))
      .execute()
  }
  return ids
}

/**
 * Each order needs a verified contact e-mail of its own (one order per verification). A customer
 * confirms the code before ordering, so the verifications are stored already confirmed: the measured
 * order path checks and uses one, as in real life, without the mail round trip.
 */
async function withConfirmedVerifications(db: Kysely<Database>, quotes: { quoteId: string; buildingId: string }[]) {
  const now = new Date()
  const validUntil = new Date(now.getTime() + 60 * 60_000).toISOString()
  const orders = quotes.map((quote) => ({ ...quote, verification: { id: randomUUID(), code: newVerificationCode() } }))
  for (let start = 0; start < orders.length; start += 500) {
    await db
      .insertInto('email_verifications')
      .values(
        orders.slice(start, start + 500).map(({ verification }) => ({
          id: verification.id,
          email: BENCH_EMAIL,
          code_hash: verificationCodeHash(verification.id, verification.code),
          attempts: 1,
          expires_at: validUntil,
          confirmed_at: now.toISOString(),
          used_at: null,
          order_id: null,
          created_at: now.toISOString(),
        })),
      )
      .execute()
  }
  return orders
}

/** Stored quotes through the API, one building after the other. */
async function prepareQuotes(origin: string, buildingIds: string[], count: number): Promise<{ quoteId: string; buildingId: string }[]> {
  const quotes: { quoteId: string; buildingId: string }[] = []
  const batch = 50
  for (let start = 0; start < count; start += batch) {
    const answers = await Promise.all(
      Array.from({ length: batch }, async (_, offset) => {
        const buildingId = buildingIds[(start + offset) % buildingIds.length]
        const body = JSON.stringify({ offering: 'bb-express', options: { payment: 'monthly' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' }, buildingId })
        const response = await withRetry(() => fetch(`${origin}/api/quotes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
        if (response.status !== 201) throw new Error(`preparing quotes: POST /api/quotes answered ${response.status}: ${await response.text()}`)
        return { quoteId: ((await response.json()) as { id: string }).id, buildingId }
      }),
    )
    quotes.push(...answers)
  }
  return quotes
}

/** A kept-alive connection the server closed just as it was reused fails once: ask again (a spare quote harms nothing). */
async function withRetry<T>(send: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (error) {
      if (attempt >= attempts) throw error
    }
  }
}
