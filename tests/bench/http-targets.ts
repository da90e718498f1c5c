import type { DatabaseKind } from '../../db/connect'
import { distinctEvergreenRequestBodies, evergreenRequestBody } from './bench-requests'
import { PRICED_QUOTES_KEPT } from '../../server/services/priced-quote-memo'
import { runLoad } from './load'
import type { LoadRequest, LoadResult } from './load-job'
import { measureOrderThroughput } from './order-throughput'
import { spawnListening, startServerUnderTest, stopProcess, type ServerUnderTest } from './server-under-test'

/** The issue's load: 50 connections from a load generator in its own process, warm-up, then 8 s, two rounds. */
export const CONNECTIONS = 50
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 2)
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)

export interface Target {
  /** Least req/s as a share of the hello baseline's. */
  ratio?: number
  /** Least req/s, absolute (orders). */
  requestsPerSecond?: number
  /** Most p99 latency at 50 connections. */
  p99Ms?: number
}

export interface HttpEndpoint extends LoadRequest {
  label: string
  expectedStatus: number
  target: Target
}

export interface EndpointResult {
  label: string
  requestsPerSecond: number
  p99Ms: number
  requests: number
  failures: string | null
  target: Target
}

const json = { 'content-type': 'application/json' }

/** The issue's speed targets, endpoint by endpoint. */
export const httpEndpoints: HttpEndpoint[] = [
  { label: 'GET /api/offerings', path: '/api/offerings', method: 'GET', expectedStatus: 200, target: { ratio: 0.3 } },
  { label: 'GET /api/offerings/evergreen', path: '/api/offerings/evergreen', method: 'GET', expectedStatus: 200, target: { ratio: 0.3 } },
  { label: 'POST /api/quotes/preview', path: '/api/quotes/preview', method: 'POST', headers: json, body: evergreenRequestBody(), expectedStatus: 200, target: { ratio: 0.25 } },
  // The same target with every request new to the quotes the server remembers (twice as many bodies as it keeps).
  {
    label: 'POST /api/quotes/preview (each request new)',
    path: '/api/quotes/preview',
    method: 'POST',
    headers: json,
    bodies: distinctEvergreenRequestBodies(2 * PRICED_QUOTES_KEPT),
    expectedStatus: 200,
    target: { ratio: 0.25 },
  },
  { label: 'POST /api/quotes (stored)', path: '/api/quotes', method: 'POST', headers: json, body: evergreenRequestBody(), expectedStatus: 201, target: { ratio: 0.1 } },
  { label: 'GET /bundles/evergreen (landing)', path: '/bundles/evergreen', method: 'GET', expectedStatus: 200, target: { ratio: 0.1, p99Ms: 25 } },
  { label: 'GET /en/bundles/evergreen (landing)', path: '/en/bundles/evergreen', method: 'GET', expectedStatus: 200, target: { ratio: 0.1, p99Ms: 25 } },
  { label: 'GET / (landing)', path: '/', method: 'GET', expectedStatus: 200, target: { ratio: 0.1, p99Ms: 25 } },
]

export const ORDER_TARGETS: Record<DatabaseKind, Target> = { sqlite: { requestsPerSecond: 500 }, postgres: { requestsPerSecond: 300 } }

export interface HttpTargets {
  hello: EndpointResult
  endpoints: EndpointResult[]
  orders: EndpointResult
}

/** Loads one request from the separate load generator: warm-up, then ROUNDS measured runs; the best run counts. */
async function measure(origin: string, endpoint: HttpEndpoint, idle: () => Promise<void>): Promise<EndpointResult> {
  const { label, expectedStatus, target, ...request } = endpoint
  let best: LoadResult | undefined
  for (let round = 0; round < ROUNDS; round++) {
    const result = await runLoad({ mode: 'throughput', origin, request, expectedStatus, connections: CONNECTIONS, warmUpSeconds: round === 0 ? WARM_UP_SECONDS : 0, seconds: MEASURE_SECONDS })
    await idle()
    if (!best || result.requestsPerSecond > best.requestsPerSecond) best = result
    console.error(`  round ${round + 1}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.latencyMs.p99} ms${result.failures ? `, unexpected: ${result.failures}` : ''}`)
  }
  return { label, requestsPerSecond: best!.requestsPerSecond, p99Ms: best!.latencyMs.p99, requests: best!.requests, failures: best!.failures, target }
}

/**
 * Three processes: the bare hello baseline, the storefront under test, and the load generator (one
 * per run). The hello is measured first, then each endpoint, then orders, on one database.
 */
export async function measureHttpTargets(kind: DatabaseKind, options: { cpuProfileDir?: string } = {}): Promise<HttpTargets> {
  const hello = await spawnListening(['--import', 'tsx', new URL('./hello-server.ts', import.meta.url).pathname], {})
  let helloResult: EndpointResult
  try {
    helloResult = await measure(`http://127.0.0.1:${hello.port}`, { label: 'GET / (bare Hono hello, own process)', path: '/', method: 'GET', expectedStatus: 200, target: {} }, async () => undefined)
  } finally {
    await stopProcess(hello.child)
  }
  const server: ServerUnderTest = await startServerUnderTest(kind, options)
  try {
    const endpoints: EndpointResult[] = []
    for (const endpoint of httpEndpoints) {
      console.error(`http: ${kind} ${endpoint.label}…`)
      endpoints.push(await measure(server.origin, endpoint, server.idle))
    }
    console.error(`http: ${kind} orders…`)
    const orders = await measureOrderThroughput(server, { connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: MEASURE_SECONDS })
    console.error(`  ${Math.round(orders.requestsPerSecond)} orders/s, p99 ${orders.p99Ms} ms${orders.failures ? `, unexpected: ${orders.failures}` : ''}`)
    return { hello: helloResult, endpoints, orders: { ...orders, target: ORDER_TARGETS[kind] } }
  } finally {
    await server.close()
  }
}

/** Whether a result meets its target: req/s as a ratio of hello's (or absolute), p99. */
export function withinTarget(result: EndpointResult, hello: EndpointResult): boolean {
  const { ratio, requestsPerSecond, p99Ms } = result.target
  if (result.failures) return false
  if (ratio !== undefined && result.requestsPerSecond / hello.requestsPerSecond < ratio) return false
  if (requestsPerSecond !== undefined && result.requestsPerSecond < requestsPerSecond) return false
  if (p99Ms !== undefined && result.p99Ms > p99Ms) return false
  return true
}

export function describeTarget(target: Target): string {
  const parts = [
    target.ratio !== undefined ? `≥ ${target.ratio.toFixed(2)} of hello` : '',
    target.requestsPerSecond !== undefined ? `≥ ${target.requestsPerSecond}/s` : '',
    target.p99Ms !== undefined ? `p99 ≤ ${target.p99Ms} ms` : '',
  ]
  return parts.filter(Boolean).join(', ')
}
