import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import { startNginx } from '../support/nginx'
import { createSharedPostgres, generousLimitEnv } from '../support/shared-postgres'
import { evergreenRequestBody } from './bench-requests'
import { runLoad } from './load'
import { measureOrderThroughput } from './order-throughput'
import { serverCommand, spawnListening, stopProcess } from './server-under-test'
import { formatCount, formatMilliseconds, renderTable } from './table'

/** Server processes behind nginx in turn (the 1, 2 and 4); BENCH_SCALE_PROCESSES=1,2 for fewer. */
const PROCESS_COUNTS = (process.env.BENCH_SCALE_PROCESSES ?? '1,2,4').split(',').map(Number)
const CONNECTIONS = 50
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 2)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
/** Quotes prepared for the order run (each order needs its own): more than one run can order. */
const QUOTES = Number(process.env.BENCH_SCALE_QUOTES ?? 6_000)
/** Per process: 4 × 10 connections stay far under PostgreSQL's default max_connections of 100. */
const POOL_SIZE = 10

interface ScaleRun {
  processes: number
  preview: { requestsPerSecond: number; p99Ms: number; failures: string | null }
  orders: { requestsPerSecond: number; p99Ms: number; failures: string | null }
}

/**
 * Quote previews (CPU: the pricing engine) and orders (PostgreSQL transactions) through nginx
 * (server/deploy/nginx/storefront.conf) to 1, 2 and 4 server processes on one PostgreSQL database, the load
 * from a generator process of its own. Each count gets a fresh database, so the orders of one run do
 * not slow the next. Answers table rows and warnings for `npm run bench`.
 */
export async function measureScaleOut(warnings: string[]): Promise<string[][]> {
  const runs: ScaleRun[] = []
  for (const processes of PROCESS_COUNTS) {
    console.error(`scale-out: ${processes} server process${processes === 1 ? '' : 'es'} behind nginx on PostgreSQL…`)
    runs.push(await measureWith(processes))
  }
  const base = runs.find((run) => run.processes === 1) ?? runs[0]
  const rows: string[][] = []
  for (const run of runs) {
    for (const [what, load, baseLoad] of [
      ['POST /api/quotes/preview', run.preview, base.preview],
      ['POST /api/orders', run.orders, base.orders],
    ] as const) {
      rows.push([
        `postgres ×${run.processes} nginx ${what} req/s`,
        formatCount(load.requestsPerSecond),
        formatMilliseconds(load.p99Ms),
        `×${(load.requestsPerSecond / baseLoad.requestsPerSecond).toFixed(2)} of 1 process`,
      ])
      if (load.failures) warnings.push(`scale-out ×${run.processes} ${what}: unexpected responses: ${load.failures}`)
    }
  }
  warnings.push(
    `scale-out: this machine has ${availableParallelism()} cores, shared by nginx, PostgreSQL, the load generator and the server processes: more processes than free cores cannot add throughput here; the figures show the cost of the extra hop and of sharing, not what more machines would give.`,
  )
  return rows
}

async function measureWith(processes: number): Promise<ScaleRun> {
  const shared = await createSharedPostgres('bench_scale')
  const servers: Awaited<ReturnType<typeof spawnListening>>[] = []
  try {
    // LOG_LEVEL as in production (info): each request's access line is written, as it would be there.
    const env = { DATABASE_URL: shared.url, NODE_ENV: 'production', LOG_LEVEL: 'info', DB_POOL_SIZE: String(POOL_SIZE), INSTALL_CAPACITY_PER_HALF_DAY: '500', ...generousLimitEnv }
    // One after the other: they would otherwise all migrate and check the seed at once.
    for (let index = 0; index < processes; index++) servers.push(await spawnListening(serverCommand(), env, '/api/offerings'))
    const nginx = await startNginx(servers.map((server) => `127.0.0.1:${server.port}`))
    try {
      const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 300))
      const preview = await runLoad({
        mode: 'throughput',
        origin: nginx.origin,
        request: { path: '/api/quotes/preview', method: 'POST', headers: { 'content-type': 'application/json' }, body: evergreenRequestBody() },
        expectedStatus: 200,
        connections: CONNECTIONS,
        warmUpSeconds: WARM_UP_SECONDS,
        seconds: SECONDS,
      })
      console.error(`  preview: ${Math.round(preview.requestsPerSecond)} req/s, p99 ${preview.latencyMs.p99} ms`)
      const orders = await measureOrderThroughput(
        { origin: nginx.origin, db: shared.database.db, idle: settle },
        { connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS, quotes: QUOTES },
      )
      console.error(`  orders: ${Math.round(orders.requestsPerSecond)} req/s, p99 ${orders.p99Ms} ms`)
      return {
        processes,
        preview: { requestsPerSecond: preview.requestsPerSecond, p99Ms: preview.latencyMs.p99, failures: preview.failures },
        orders: { requestsPerSecond: orders.requestsPerSecond, p99Ms: orders.p99Ms, failures: orders.failures },
      }
    } finally {
      await nginx.stop()
    }
  } finally {
    await Promise.all(servers.map((server) => stopProcess(server.child)))
    await shared.drop()
  }
}

// Run alone: node --import tsx tests/bench/scale-out.ts (npm run bench runs it with BENCH_ONLY=scale too).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const warnings: string[] = []
  const rows = await measureScaleOut(warnings)
  console.log(renderTable([{ header: 'benchmark' }, { header: 'value', align: 'right' }, { header: 'p99', align: 'right' }, { header: '' }], rows))
  for (const warning of warnings) console.log(`warning: ${warning}`)
}
