/** What the bench asks of its load generator (load-generator.ts), which runs in a process of its own. */

export interface LoadRequest {
  /** Path and query, appended to the job's origin. */
  path: string
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** Bodies sent one after another across all connections, in place of `body`: each request a new one until the list runs out. */
  bodies?: string[]
}

interface LoadJobBase {
  /** http://127.0.0.1:PORT of the measured server. */
  origin: string
  /** Requests in flight at once: each connection sends its next request when the last is answered. */
  connections: number
  expectedStatus: number
  warmUpSeconds: number
  seconds: number
}

/** As many requests per second as one request can be served (autocannon). */
export interface ThroughputJob extends LoadJobBase {
  mode: 'throughput'
  request: LoadRequest
}

/** The latency of each request of a list, sent in turn, with exact percentiles. */
export interface LatencyJob extends LoadJobBase {
  mode: 'latency'
  requests: LoadRequest[]
}

export type LoadJob = ThroughputJob | LatencyJob

export interface LoadResult {
  requests: number
  requestsPerSecond: number
  latencyMs: { p50: number; p95: number; p99: number }
  /** Responses with another status than expected, plus connection errors; null when there were none. */
  failures: string | null
}
