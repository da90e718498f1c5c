import type { DatabaseKind } from '../../db/connect'
import { GENERATED_PREFIX } from '../../db/generate/places'
import { encodeKeyset } from '../../server/console/keyset-cursor'
import { sessionCookie } from '../../server/console/session-policy'
import { startSession } from '../../server/console/sessions'
import type { BenchServer } from './bench-server'
import { runLoad } from './load'
import type { LoadRequest, LoadResult } from './load-job'

/** The target for every queue request at city scale. */
export const QUEUE_P95_TARGET_MS = 50

/** One clerk at a time (the target), then four at once: SQLite answers one query at a time, so they wait for each other. */
export const QUEUE_CONNECTIONS = [1, 4] as const
const WARM_UP_SECONDS = 1
const MEASURE_SECONDS = 5
/** Keyset pages this deep into the 100,000 orders (at scale 1): a page a scrolling clerk would never reach. */
const DEEP_OFFSETS = [10_000, 25_000, 40_000, 55_000, 70_000, 85_000, 95_000]
const DETAIL_ORDERS = 200

export interface QueueScenario {
  label: string
  connections: number
  result: LoadResult
}

export interface QueueLatency {
  kind: DatabaseKind
  scenarios: QueueScenario[]
}

/**
 * The operations queue on a database generated to city scale (db/generate), signed in as an ops
 * user: the first page, filtered pages, a search, deep keyset pages and order details, each loaded
 * from a separate process by one clerk and by four at once, p95 reported.
 */
export async function measureQueueLatency(kind: DatabaseKind, server: BenchServer): Promise<QueueLatency> {
  const scenarios: QueueScenario[] = []
  for (const [label, requests] of Object.entries(await queueRequests(server))) {
    for (const connections of QUEUE_CONNECTIONS) {
      console.error(`queue on ${kind}: ${label}, ${connections} at once…`)
      const result = await runLoad({ mode: 'latency', origin: server.origin, requests, expectedStatus: 200, connections, warmUpSeconds: WARM_UP_SECONDS, seconds: MEASURE_SECONDS })
      await server.idle()
      scenarios.push({ label, connections, result })
    }
  }
  return { kind, scenarios }
}

async function queueRequests(server: BenchServer): Promise<Record<string, LoadRequest[]>> {
  const { db, services } = server
  const { sessionId } = await startSession(services, `${GENERATED_PREFIX}ops-01`)
  const headers = { cookie: `${sessionCookie(services.siteUrl).name}=${sessionId}` }
  const get = (path: string): LoadRequest => ({ method: 'GET', path, headers })
  const queue = (query: Record<string, string>) => get(`/api/console/orders?${new URLSearchParams(query)}`)

  const districts = await db.selectFrom('buildings').select('district').distinct().orderBy('district').execute()
  const total = Number((await db.selectFrom('orders').select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow()).count)
  const deep = await Promise.all(
    DEEP_OFFSETS.map((offset) => Math.floor((offset / 100_000) * total)).map((offset) =>
      db.selectFrom('orders').select(['created_at', 'id']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).offset(offset).executeTakeFirstOrThrow(),
    ),
  )
  const details = await db.selectFrom('orders').select(['number', 'contact_mobile']).orderBy('id').limit(DETAIL_ORDERS).execute()
  const companies = await db.selectFrom('orders').select('company_name').orderBy('id', 'desc').limit(20).execute()

  return {
    'first page': [queue({})],
    'filtered: state + district': districts.map(({ district }) => queue({ state: 'paid', district })),
    'filtered: late only, district': districts.map(({ district }) => queue({ late: '1', district })),
    // Part of a company's name, as a clerk types it from a phone call: the generated names share many parts.
    'search: part of a name': companies.map(({ company_name }) => queue({ q: [...company_name].slice(2, 6).join('') })),
    // One customer's mobile, as read out on the phone: a rare match, the costly case for a scan.
    'search: a mobile': details.map(({ contact_mobile }) => queue({ q: contact_mobile })),
    'deep keyset page': deep.map((row) => queue({ after: encodeKeyset(row) })),
    'order detail': details.map(({ number }) => get(`/api/console/orders/${encodeURIComponent(number)}`)),
  }
}
