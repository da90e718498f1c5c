import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The request id of the request being handled, for every log line written while handling it: the
 * services log through one function that knows nothing of HTTP, so the id travels with the async call
 * chain instead of through their parameters.
 */
const requestIds = new AsyncLocalStorage<string>()

export const runWithRequestId = <T>(requestId: string, work: () => T): T => requestIds.run(requestId, work)

export const currentRequestId = (): string | undefined => requestIds.getStore()
