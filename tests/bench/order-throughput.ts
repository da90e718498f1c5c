import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { randomUUID } from 'node:crypto'
import { newVerificationCode, verificationCodeHash } from '../../server/domain/email-verification'
import { installDays } from '../../server/domain/install-slots'
import type { BenchServer } from './bench-server'
import type { EndpointLoad } from './http-throughput'

const run = promisify(execFile)
const SECONDS = 5
/** More quotes than a run can order: each order needs a quote of its own. */
const QUOTES = 12_000
const BUILDING = 'bld-jinmao-tower'
const BENCH_EMAIL = 'bench@example.com'

/** Orders placed per second (invoice payment, one fibre port each) against the bench server. */
export async function measureOrderThroughput(server: BenchServer): Promise<EndpointLoad> {
  // Enough free ports that every order reserves one instead of turning into a survey.
  await server.db.updateTable('buildings').set({ free_fibre_ports: 10 * QUOTES }).where('id', '=', BUILDING).execute()
  const quoteIds = await prepareQuotes(server.origin)
  const orders = await withConfirmedVerifications(server, quoteIds)
  const dir = mkdtempSync(join(tmpdir(), 'storefront-bench-orders-'))
  try {
    const ordersFile = join(dir, 'orders.json')
    const bodyFile = join(dir, 'order.json')
    writeFileSync(ordersFile, JSON.stringify(orders))
    writeFileSync(
      bodyFile,
      JSON.stringify({
        company: { name: '上海压测科技有限公司', creditCode: '91330100716105852F' },
        contact: { name: '压测', mobile: '13812345678', email: BENCH_EMAIL },
        site: { buildingId: BUILDING, floor: '8', unit: '801' },
        installSlot: { date: installDays(new Date(), false)[0].date, slot: 'am' },
        payment: { method: 'invoice' },
        acceptTerms: true,
      }),
    )
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/bench/order-load.ts', server.origin, ordersFile, String(SECONDS), bodyFile], { maxBuffer: 16 * 1024 * 1024 })
    await server.idle()
    const result = JSON.parse(stdout) as { requestsPerSecond: number; p99Ms: number; requests: number; statusCodeStats: Record<string, { count: number }>; errors: number; used: number }
    const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(([status]) => status !== '201').map(([status, stats]) => `${stats.count}× ${status}`)
    if (result.errors > 0) unexpected.push(`${result.errors} errors`)
    if (result.used > orders.length) unexpected.push(`ran out of quotes (${result.used} orders for ${orders.length})`)
    return { label: 'POST /api/orders', requestsPerSecond: result.requestsPerSecond, p99Ms: result.p99Ms, requests: result.requests, failures: unexpected.length > 0 ? unexpected.join(', ') : null }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Each order needs a verified contact e-mail of its own (one order per verification). A customer
 * confirms the code before ordering, so the verifications are stored already confirmed: the measured
 * order path checks and uses one, as in real life, without the mail round trip.
 */
async function withConfirmedVerifications(server: BenchServer, quoteIds: string[]) {
  const now = new Date()
  const validUntil = new Date(now.getTime() + 60 * 60_000).toISOString()
  const orders = quoteIds.map((quoteId) => ({ quoteId, verification: { id: randomUUID(), code: newVerificationCode() } }))
  for (let start = 0; start < orders.length; start += 500) {
    await server.db
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

async function prepareQuotes(origin: string): Promise<string[]> {
  const body = JSON.stringify({ offering: 'bb-express', options: { payment: 'monthly' }, termMonths: 0, items: { 'bb-100': 1 }, customer: { status: 'new' }, buildingId: BUILDING })
  const ids: string[] = []
  const batch = 50
  for (let start = 0; start < QUOTES; start += batch) {
    const answers = await Promise.all(
      Array.from({ length: batch }, async () => {
        const response = await fetch(`${origin}/api/quotes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        return ((await response.json()) as { id: string }).id
      }),
    )
    ids.push(...answers)
  }
  return ids
}
