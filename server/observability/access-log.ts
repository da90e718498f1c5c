import pino from 'pino'
import type { LogLevel } from './log-levels'
import { createLogger } from './logger'
import type { CompletedRequest } from './request-tracking'

/** Probes arrive every few seconds from each balancer: at info they would drown the requests that matter. */
const PROBE_ROUTES = new Set(['/healthz', '/readyz', '/metrics'])

/** Access lines are written once this much has gathered, or each FLUSH_INTERVAL_MS. */
export const ACCESS_LOG_BUFFER_BYTES = 4096
export const ACCESS_LOG_FLUSH_INTERVAL_MS = 1_000

export interface AccessLog {
  record: (request: CompletedRequest) => void
  /** Writes what is gathered now (a graceful shutdown, before its last line). */
  flush: () => void
}

/**
 * One line per answered request, with the request's id. A
 * write per line was a fifth of a cached API read's time (measured at LOG_LEVEL=info): access lines
 * gather in memory and go out together, within a second, and at exit. Everything else the server
 * logs (start, errors, shutdown) is written at once by the main logger. A process killed outright
 * loses at most the last second's access lines.
 */
export function createAccessLog(level: LogLevel): AccessLog {
  const destination = pino.destination({ dest: 1, sync: true, minLength: ACCESS_LOG_BUFFER_BYTES })
  const logger = createLogger(level, destination)
  // Not flushSync: it retries a failed write forever, so once the reader of stdout had gone (EPIPE) it
  // held the event loop: the server stopped answering, and SIGTERM could not stop it. A flush (as
  // synchronous here) reports the failure, on which pino stops writing to the destination.
  const flush = () => destination.flush()
  setInterval(flush, ACCESS_LOG_FLUSH_INTERVAL_MS).unref()
  process.once('exit', flush)
  return {
    record: ({ requestId, method, route, status, seconds }) => {
      const line = { reqId: requestId, method, route, status, ms: Math.round(seconds * 10_000) / 10 }
      if (PROBE_ROUTES.has(route)) logger.debug(line, 'request')
      else logger.info(line, 'request')
    },
    flush,
  }
}
