import type { Kysely } from 'kysely'
import { inOneProcessAtATime } from './job-lock'

export interface PeriodicJob<T> {
  /** Runs one pass now, after any pass in progress; never rejects (errors are logged). */
  runOnce: () => Promise<T>
  /** No more passes; resolves once the pass in progress has finished, so the database can be closed. */
  stop: () => Promise<void>
}

/**
 * Runs `work` every `intervalMs` in the server process. With `oneProcessAtATime`, a pass runs in one
 * server process at a time across all that share the PostgreSQL database (the others skip it). Passes never overlap: a tick while one is
 * running (or queued) is skipped. The timer is unref'd so it never keeps the process alive. A pass
 * that throws is logged and answers `failed`; the next pass tries again.
 */
export function startPeriodicJob<T>(
  work: () => Promise<T>,
  options: { intervalMs: number; log: (error: unknown) => void; failed: T; oneProcessAtATime?: { db: Kysely<any>; job: string; skipped: T } },
): PeriodicJob<T> {
  let tail: Promise<unknown> = Promise.resolve()
  let inProgress = 0
  const exclusive = options.oneProcessAtATime
  const pass = async (): Promise<T> => {
    try {
      return await (exclusive ? inOneProcessAtATime(exclusive.db, exclusive.job, work, exclusive.skipped) : work())
    } catch (error) {
      options.log(error)
      return options.failed
    }
  }
  const runOnce = (): Promise<T> => {
    inProgress += 1
    // `pass` does not throw, but if logging itself did, the next pass must still run.
    const run = tail.then(pass, pass).finally(() => (inProgress -= 1))
    tail = run
    return run
  }
  const timer = setInterval(() => {
    if (inProgress === 0) runOnce().catch(() => {})
  }, options.intervalMs)
  timer.unref()
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer)
      await tail.catch(() => {})
    },
  }
}
