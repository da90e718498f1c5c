import pino, { type Logger } from 'pino'
import type { LogLevel } from './log-levels'
import { currentRequestId } from './request-context'

export type { Logger }


/**
 * One JSON object per line on stdout, for journald or a log shipper. Written asynchronously (a
 * blocking write per request would stall the event loop under load); pino flushes what is buffered
 * when the process exits. A line written while a request is handled carries its id (`reqId`).
 */
export function createLogger(level: LogLevel): Logger {
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
    pino.destination({ dest: 1, sync: false }),
  )
}

/** The services' `log` (errors caught by jobs and the error handler) as an error line with its stack. */
export const errorLogger =
  (logger: Logger) =>
  (error: unknown): void =>
    logger.error({ err: error }, error instanceof Error ? error.message : 'error')
