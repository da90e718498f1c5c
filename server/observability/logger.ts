import pino, { type Logger } from 'pino'
import type { LogLevel } from './log-levels'
import { currentRequestId } from './request-context'

export type { Logger }


/**
 * One JSON object per line on stdout, for journald or a log shipper. Written synchronously, pino's
 * default: with asynchronous writes, a SIGTERM after the reader of stdout went away left the shutdown
 * hanging (seen with an orphaned `npm start`), and a line is never lost on exit. A line written while
 * a request is handled carries its id (`reqId`).
 */
export function createLogger(level: LogLevel, destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const reqId = currentRequestId()
        return reqId === undefined ? {} : { reqId }
      },
    },
    destination,
  )
}

/** The services' `log` (errors caught by jobs and the error handler) as an error line with its stack. */
export const errorLogger =
  (logger: Logger) =>
  (error: unknown): void =>
    logger.error({ err: error }, error instanceof Error ? error.message : 'error')
