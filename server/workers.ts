import cluster, { type Worker } from 'node:cluster'

/** The few logger methods the primary uses (pino's shape). */
export interface WorkersLog {
  info: (fields: object, message: string) => void
  warn: (fields: object, message: string) => void
  error: (fields: object, message: string) => void
}

/** A worker that dies is replaced after this long, doubled on each death in a row, at most MAX. */
const FIRST_RESTART_DELAY_MS = 500
const MAX_RESTART_DELAY_MS = 30_000
/** A worker that served this long before dying starts the backoff afresh. */
const HEALTHY_LIFETIME_MS = 30_000

/**
 * WORKERS=N: this process becomes a node:cluster primary that forks N workers, each running the whole
 * server (`startOne`) on the same port; the primary hands out connections. Workers share nothing but
 * the PostgreSQL database (sessions, rate limits, idempotency keys, the outbox and job locks live
 * there), so any of them may answer any request.
 *
 * The primary replaces a worker that dies (with backoff, so a crash loop does not spin), except while
 * starting: a worker that fails before it ever listened (bad settings, database unreachable) stops
 * everything with its exit code, as one process would. SIGTERM or SIGINT is passed to every worker,
 * each drains its requests and outbox and exits; then the primary exits 0.
 *
 * In a worker process this just runs `startOne`.
 */
export async function runWorkers(count: number, startOne: () => Promise<unknown>, log: WorkersLog): Promise<void> {
  if (!cluster.isPrimary) {
    await startOne()
    return
  }
  let stopping = false
  let everListened = false
  let restartDelayMs = FIRST_RESTART_DELAY_MS
  const startedAt = new Map<number, number>()
  const listening = new Set<number>()

  const fork = () => {
    const worker = cluster.fork()
    startedAt.set(worker.id, Date.now())
    return worker
  }

  cluster.on('listening', (worker: Worker) => {
    listening.add(worker.id)
    everListened = true
    if (listening.size === count) log.info({ workers: count }, `all ${count} workers are listening`)
  })

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? Date.now())
    const hadListened = listening.delete(worker.id)
    startedAt.delete(worker.id)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info({}, 'all workers stopped')
        process.exit(0)
      }
      return
    }
    if (!hadListened && !everListened) {
      log.error({ pid: worker.process.pid, code, signal }, 'a worker failed to start; stopping')
      stopping = true
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
      // Exit once the others are gone (or at once if there are none), with the failed worker's code.
      const exitCode = typeof code === 'number' && code !== 0 ? code : 1
      const finish = () => process.exit(exitCode)
      if (Object.keys(cluster.workers ?? {}).length === 0) finish()
      else cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && finish())
      return
    }
    if (lived >= HEALTHY_LIFETIME_MS) restartDelayMs = FIRST_RESTART_DELAY_MS
    log.warn({ pid: worker.process.pid, code, signal, restartInMs: restartDelayMs }, 'a worker died; starting a new one')
    setTimeout(() => stopping || fork(), restartDelayMs)
    restartDelayMs = Math.min(restartDelayMs * 2, MAX_RESTART_DELAY_MS)
  })

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'stopping the workers: each finishes its requests in progress')
    const workers = Object.values(cluster.workers ?? {})
    if (workers.length === 0) process.exit(0)
    for (const worker of workers) worker?.process.kill('SIGTERM')
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)

  log.info({ workers: count }, `starting ${count} workers`)
  for (let index = 0; index < count; index++) fork()
}
