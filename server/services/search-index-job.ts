import { indexQueuedOrders } from '../repositories/order-search-repository'
import { writeTogether } from './group-commit'
import { startPeriodicJob, type PeriodicJob } from './periodic-job'
import type { Services } from './services'

/** Orders put under their trigrams in one transaction: SQLite's one writer is held a few milliseconds at a time. */
const BATCH = 250
/** Batches in one pass at most: 10,000 orders, far more than a second of the busiest hour; the next pass takes the rest. */
const BATCHES_PER_PASS = 40

/** Indexes the orders queued for search, batch after batch, until none is left (or the pass is full). Answers how many. */
export async function indexQueuedOrdersNow(services: Pick<Services, 'db'>): Promise<number> {
  let indexed = 0
  for (let batch = 0; batch < BATCHES_PER_PASS; batch++) {
    // Grouped with the orders being placed on SQLite: one commit for both.
    const count = await writeTogether(services.db, (trx) => indexQueuedOrders(trx, BATCH))
    indexed += count
    if (count < BATCH) break
  }
  return indexed
}

/** New orders go under their search trigrams every `intervalMs`; with several server processes, one of them runs each pass. */
export function startSearchIndexJob(services: Pick<Services, 'db' | 'log'>, { intervalMs = 1_000 } = {}): PeriodicJob<number> {
  return startPeriodicJob(() => indexQueuedOrdersNow(services), { intervalMs, log: services.log, failed: 0, oneProcessAtATime: { db: services.db, job: 'search-index', skipped: 0 } })
}
