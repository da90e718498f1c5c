import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

/**
 * Run as its own process by order-throughput.ts: places one order per prepared quote and verification
 * (each in its own building and slot, with its own Idempotency-Key), warms up, then measures, and
 * prints autocannon's result as JSON. A separate process keeps the load off the measured server's
 * event loop; autocannon's workers cannot take per-request code.
 */
const [origin, ordersFile, bodyFile, connections, warmUpSeconds, seconds] = process.argv.slice(2)
/** One quote, confirmed e-mail verification, building and slot per order. */
const orders: Record<string, unknown>[] = JSON.parse(readFileSync(ordersFile, 'utf8'))
const template = JSON.parse(readFileSync(bodyFile, 'utf8'))
let next = 0
/** Each unexpected answer's status and error code (`409 quote_already_ordered`), counted: what a failure was, not only how many. */
const unexpected: Record<string, number> = {}

const fire = (duration: number) =>
  autocannon({
    url: `${origin}/api/orders`,
    connections: Number(connections),
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({ ...template, ...orders[next++ % orders.length] }),
        }),
        onResponse: (status: number, body: string) => {
          if (status === 201) return
          const key = `${status} ${errorCodeOf(body)}`
          unexpected[key] = (unexpected[key] ?? 0) + 1
        },
      },
    ],
  })
function errorCodeOf(body: string): string {
  try {
    return String(JSON.parse(body).error?.code ?? 'no error code')
  } catch {
    return 'not JSON'
  }
}

if (Number(warmUpSeconds) > 0) await fire(Number(warmUpSeconds))
const result = await fire(Number(seconds))
process.stdout.write(JSON.stringify({ requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, requests: result.requests.total, statusCodeStats: result.statusCodeStats, errors: result.errors, used: next, unexpected }))
