import type { Kysely } from 'kysely'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Database } from '../../db/schema'
import type { CompletedRequest } from './request-tracking'

export interface Metrics {
  registry: Registry
  observeRequest: (request: CompletedRequest) => void
}

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Prometheus metrics of this process: requests by route (the pattern, so labels stay few), the
 * outbox's depth and age and the orders by status (both read from the database when scraped, so a
 * scrape shows the truth across processes), and Node's own process metrics. A registry of its own,
 * not prom-client's global one: two servers in one test process must not share counters.
 */
export function createMetrics(db: Kysely<Database>, now: () => Date): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  new Gauge({
    name: 'outbox_pending_messages',
    help: 'Messages waiting in the outbox (pending or being sent).',
    registers: [registry],
    async collect() {
      const row = await waitingMessages(db).select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow()
      this.set(Number(row.count))
    },
  })
  new Gauge({
    name: 'outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest message waiting in the outbox (0 when none waits).',
    registers: [registry],
    async collect() {
      const row = await waitingMessages(db).select((eb) => eb.fn.min('created_at').as('oldest')).executeTakeFirst()
      const oldest = row?.oldest ? Date.parse(String(row.oldest)) : undefined
      this.set(oldest === undefined ? 0 : Math.max(0, (now().getTime() - oldest) / 1000))
    },
  })
  new Gauge({
    name: 'orders_by_status',
    help: 'Orders by their current status.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await db.selectFrom('orders').select((eb) => ['status', eb.fn.countAll<number | string>().as('count')]).groupBy('status').execute()
      this.reset()
      for (const row of rows) this.set({ status: row.status }, Number(row.count))
    },
  })
  return {
    registry,
    observeRequest: ({ method, route, status, seconds }) => {
      const methodLabel = KNOWN_METHODS.has(method) ? method : 'OTHER'
      requests.inc({ method: methodLabel, route, status: String(status) })
      durations.observe({ method: methodLabel, route }, seconds)
    },
  }
}

const waitingMessages = (db: Kysely<Database>) => db.selectFrom('outbox').where('status', 'in', ['pending', 'sending'])
