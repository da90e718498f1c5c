import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { shanghaiDate } from '../domain/working-days'
import { countLandingView, type LandingView } from '../repositories/landing-views-repository'
import { writeGroupedOnSqlite } from '../services/group-commit'

/** How often the views counted in memory are added to the database. */
export const VIEW_FLUSH_INTERVAL_MS = 1_000

/**
 * Distinct rows waiting at most: each made-up campaign value in a link makes one until the flush
 * folds it into '(other)', so a flood of them must not grow memory without end.
 */
export const MAX_PENDING_VIEW_ROWS = 10_000

export interface LandingViewCounter {
  /** One view, added to the database with the others of its row at the next flush. */
  count(view: LandingView): void
  /** Adds the views counted so far to the database now. */
  flush(): Promise<void>
  /** Stops the timer and adds what is left (a graceful shutdown loses no view). */
  stop(): Promise<void>
}

/**
 * Landing views are counted in memory and added to the database once a second, one statement per
 * distinct row (day, page, campaign) rather than one per view: a landing page is served from memory
 * far faster than a database takes one write per view. A crash loses at most the last second's views,
 * which the campaign reports can bear; a graceful shutdown flushes them.
 */
export function createLandingViewCounter(
  db: Kysely<Database>,
  log: (error: unknown) => void,
  { intervalMs = VIEW_FLUSH_INTERVAL_MS, maxPendingRows = MAX_PENDING_VIEW_ROWS } = {},
): LandingViewCounter {
  let pending = new Map<string, { view: LandingView; views: number }>()
  let flushing: Promise<void> = Promise.resolve()

  const flush = () => {
    flushing = flushing.then(async () => {
      const rows = [...pending.values()]
      pending = new Map()
      // Together: one commit on SQLite (group commit), side by side over the pool on PostgreSQL.
      await Promise.all(
        rows.map(({ view, views }) =>
          // A row that fails is counted again next time (the database may be back by then).
          writeGroupedOnSqlite(db, (writer) => countLandingView(writer, view, views)).catch((error: unknown) => {
            log(error)
            keep(view, views)
          }),
        ),
      )
    })
    return flushing
  }
  const keep = (view: LandingView, views: number) => {
    const key = rowKey(view)
    const row = pending.get(key)
    if (row) row.views += views
    else if (pending.size < maxPendingRows) pending.set(key, { view, views })
  }
  const timer = setInterval(() => void flush(), intervalMs)
  timer.unref()
  return {
    count: (view) => keep(view, 1),
    flush,
    async stop() {
      clearInterval(timer)
      await flush()
    },
  }
}

function rowKey({ path, attribution, at }: LandingView): string {
  return JSON.stringify([shanghaiDate(at), path, attribution.utm_source, attribution.utm_medium, attribution.utm_campaign, attribution.utm_term])
}
