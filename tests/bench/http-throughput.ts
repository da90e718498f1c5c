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

export interface Endpoint extends LoadRequest {
  label: string
  expectedStatus: number
}

const CONNECTIONS = 10
const WARM_UP_SECONDS = 1
const MEASURE_SECONDS = 5

/** Warms an endpoint up, then loads it for a few seconds, from a load generator in its own process. */
export async function load(server: { origin: string; idle: () => Promise<void> }, endpoint: Endpoint): Promise<EndpointLoad> {
  const { label, expectedStatus, ...request } = endpoint
  const result = await runLoad({ mode: 'throughput', origin: server.origin, request, expectedStatus, connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS, seconds: MEASURE_SECONDS })
  // Requests cut off when the run ended are still being handled: let them finish before the next run.
  await server.idle()
  return { label, requestsPerSecond: result.requestsPerSecond, p99Ms: result.latencyMs.p99, requests: result.requests, failures: result.failures }
}
