import pino, { type Logger } from 'pino'
import type { LogLevel } from './log-levels'

export type { Logger }

/**
 * One JSON object per line on stdout, for journald or a log shipper. Written synchronously, pino's
 * default: with asynchronous writes, a SIGTERM after the reader of stdout went away left the shutdown
 * hanging (seen with an orphaned `npm start`), and a line is never lost on exit. A line about a request
 * carries its id (`reqId`), given by whoever writes it.
 */
export function createLogger(level: LogLevel, destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  )
}

/**
 * Logs an error caught by a job or a request's handler; a request's error names the request's id.
 * (The id is passed, not found in an AsyncLocalStorage: on Node 20 its promise hooks cost every
 * promise of the process, a quarter of a cached API read's time, measured.)
 */
export type ErrorLog = (error: unknown, requestId?: string) => void

/** The services' `log` as an error line with its stack. */
export const errorLogger =
  (logger: Logger): ErrorLog =>
  (error, requestId) =>
    logger.error(requestId === undefined ? { err: error } : { err: error, reqId: requestId }, error instanceof Error ? error.message : 'error')
