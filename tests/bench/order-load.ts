import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

/**
 * Run as its own process by order-throughput.ts: places one order per prepared quote and verification, each with its
 * own Idempotency-Key, for a few seconds, and prints autocannon's result as JSON. A separate process
 * keeps the load off the measured server's event loop; autocannon's workers cannot take per-request code.
 */
const [origin, ordersFile, seconds, bodyFile] = process.argv.slice(2)
/** One quote and one confirmed e-mail verification per order. */
const orders: { quoteId: string; verification: { id: string; code: string } }[] = JSON.parse(readFileSync(ordersFile, 'utf8'))
const template = JSON.parse(readFileSync(bodyFile, 'utf8'))
let next = 0

const result = await autocannon({
  url: `${origin}/api/orders`,
  connections: 10,
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ ...template, ...orders[next++ % orders.length] }),
      }),
    },
  ],
})
process.stdout.write(JSON.stringify({ requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, requests: result.requests.total, statusCodeStats: result.statusCodeStats, errors: result.errors, used: next }))
