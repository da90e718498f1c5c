import autocannon from 'autocannon'
import { Agent, request as httpRequest } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { LatencyJob, LoadJob, LoadRequest, LoadResult, ThroughputJob } from './load-job'

/**
 * The bench's load generator, run as its own process by load.ts: it reads one LoadJob as JSON on
 * stdin, warms the server up, measures, and prints one LoadResult as JSON on stdout. In its own
 * process it never shares an event loop (or a garbage collector) with the server it measures.
 */
async function main() {
  const job = JSON.parse(await readStdin()) as LoadJob
  const result = job.mode === 'throughput' ? await throughput(job) : await latency(job)
  process.stdout.write(JSON.stringify(result))
}

async function throughput(job: ThroughputJob): Promise<LoadResult> {
  const { bodies } = job.request
  let sent = 0
  // autocannon's own list of requests restarts at its head on every connection: this counter is shared.
  const nextBody = bodies && ((request: autocannon.Request) => ({ ...request, body: bodies[sent++ % bodies.length] }))
  const fire = (seconds: number) =>
    autocannon({
      url: `${job.origin}${job.request.path}`,
      method: job.request.method,
      headers: job.request.headers,
      body: job.request.body,
      ...(nextBody ? { requests: [{ setupRequest: nextBody }] } : {}),
      connections: job.connections,
      duration: seconds,
    })
  await fire(job.warmUpSeconds)
  const result = await fire(job.seconds)
  const unexpected = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => Number(status) !== job.expectedStatus)
    .map(([status, stats]) => `${stats.count ?? 0}× ${status}`)
  if (result.errors > 0) unexpected.push(`${result.errors} errors (${result.timeouts} timeouts)`)
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    // autocannon's histogram has no p95; its p97.5 stands in, the column says p99 anyway.
    latencyMs: { p50: result.latency.p50, p95: result.latency.p97_5, p99: result.latency.p99 },
    failures: unexpected.length > 0 ? unexpected.join(', ') : null,
  }
}

/** Closed loop: each connection sends the next request of the list when its last one is answered. */
async function latency(job: LatencyJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections })
  const url = new URL(job.origin)
  let next = 0
  const send = (request: LoadRequest) =>
    new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest({ agent, host: url.hostname, port: url.port, method: request.method, path: request.path, headers: request.headers }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', reject)
      })
      outgoing.on('error', reject)
      outgoing.end(request.body)
    })

  async function run(seconds: number) {
    const latencies: number[] = []
    const statuses = new Map<string, number>()
    const end = performance.now() + seconds * 1000
    const connection = async () => {
      while (performance.now() < end) {
        const request = job.requests[next++ % job.requests.length]
        const started = performance.now()
        const status = await send(request).then(String, (error: Error) => `error ${error.message}`)
        latencies.push(performance.now() - started)
        if (status !== String(job.expectedStatus)) statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({ length: job.connections }, connection))
    return { latencies, statuses, elapsedSeconds: (performance.now() - started) / 1000 }
  }

  await run(job.warmUpSeconds)
  const { latencies, statuses, elapsedSeconds } = await run(job.seconds)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  // Nearest rank: the smallest latency that at least p % of the requests did not exceed.
  const percentile = (p: number) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? Number.NaN
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    latencyMs: { p50: percentile(50), p95: percentile(95), p99: percentile(99) },
    failures: statuses.size > 0 ? [...statuses].map(([status, count]) => `${count}× ${status}`).join(', ') : null,
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

await main()
