import autocannon from 'autocannon'
import { evergreenRequestBody } from './bench-requests'
import { HELLO_PATH, type BenchServer } from './bench-server'

export interface EndpointLoad {
  label: string
  requestsPerSecond: number
  p99Ms: number
  requests: number
  /** Responses with another status than expected, plus connection errors and timeouts. */
  failures: string | null
}

export interface HttpThroughput {
  hello: EndpointLoad
  quote: EndpointLoad
  /** quote req/s over hello req/s: the share of a bare Hono server's throughput left after the API's work. */
  ratio: number
}

export interface Endpoint {
  label: string
  path: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  expectedStatus: number
}

const CONNECTIONS = 10
const WARM_UP_SECONDS = 1
const MEASURE_SECONDS = 5

const endpoints = {
  hello: { label: `GET ${HELLO_PATH}`, path: HELLO_PATH, method: 'GET', expectedStatus: 200 },
  quote: {
    label: 'POST /api/quotes',
    path: '/api/quotes',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: evergreenRequestBody(),
    expectedStatus: 201,
  },
} satisfies Record<string, Endpoint>

/** The hello baseline, then quotes, against the same server, each warmed up before it is measured. */
export async function measureHttpThroughput(server: BenchServer): Promise<HttpThroughput> {
  const hello = await load(server, endpoints.hello)
  const quote = await load(server, endpoints.quote)
  return { hello, quote, ratio: quote.requestsPerSecond / hello.requestsPerSecond }
}

/** Warms an endpoint up, then loads it for a few seconds. */
export async function load(server: Pick<BenchServer, 'origin' | 'idle'>, endpoint: Endpoint): Promise<EndpointLoad> {
  await fire(server, endpoint, WARM_UP_SECONDS)
  const result = await fire(server, endpoint, MEASURE_SECONDS)
  return {
    label: endpoint.label,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: describeFailures(result, endpoint.expectedStatus),
  }
}

async function fire(server: Pick<BenchServer, 'origin' | 'idle'>, endpoint: Endpoint, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `${server.origin}${endpoint.path}`,
    method: endpoint.method,
    headers: endpoint.headers,
    body: endpoint.body,
    connections: CONNECTIONS,
    duration: seconds,
    // The load generator runs in a worker thread, off the event loop of the server it measures.
    workers: 1,
  })
  // Requests cut off when the run ended are still being handled: let them finish before the next run.
  await server.idle()
  return result
}

function describeFailures(result: autocannon.Result, expectedStatus: number): string | null {
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => Number(status) !== expectedStatus)
    .map(([status, stats]) => `${stats.count ?? 0}× ${status}`)
  if (result.errors > 0) unexpected.push(`${result.errors} errors (${result.timeouts} timeouts)`)
  if (result.non2xx > 0 && unexpected.length === 0) unexpected.push(`${result.non2xx} non-2xx`)
  return unexpected.length > 0 ? unexpected.join(', ') : null
}
