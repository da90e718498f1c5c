import { evergreenRequestBody } from './bench-requests'
import { HELLO_PATH, type BenchServer } from './bench-server'
import { runLoad } from './load'
import type { LoadRequest } from './load-job'

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

export interface Endpoint extends LoadRequest {
  label: string
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

/** Warms an endpoint up, then loads it for a few seconds, from a load generator in its own process. */
export async function load(server: Pick<BenchServer, 'origin' | 'idle'>, endpoint: Endpoint): Promise<EndpointLoad> {
  const { label, expectedStatus, ...request } = endpoint
  const result = await runLoad({ mode: 'throughput', origin: server.origin, request, expectedStatus, connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: MEASURE_SECONDS })
  // Requests cut off when the run ended are still being handled: let them finish before the next run.
  await server.idle()
  return { label, requestsPerSecond: result.requestsPerSecond, p99Ms: result.latencyMs.p99, requests: result.requests, failures: result.failures }
}
