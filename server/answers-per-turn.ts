import type { MiddlewareHandler } from 'hono'

let nextTurn: Promise<void> | undefined

/** One promise per event-loop turn: every request that waits in a turn is released together. */
const awaitNextTurn = () =>
  (nextTurn ??= new Promise<void>((resolve) =>
    setImmediate(() => {
      nextTurn = undefined
      resolve()
    }),
  ))

/**
 * Handles the requests read in one event-loop turn together, in the next one (setImmediate runs
 * right after the poll phase that read them). Without it a request whose answer is ready at once (a
 * cached catalog, a landing page from memory) is written while the other sockets' requests are
 * still unread, and every answer wakes the client's process on its own; answered together, the
 * writes go out back to back. Measured with the bench's load generator on SQLite, 50 connections:
 * GET /api/offerings/evergreen 15,795 → 22,691 req/s. An idle server waits one turn, microseconds.
 */
export const answerPerTurn: MiddlewareHandler = async (_c, next) => {
  await awaitNextTurn()
  await next()
}
