import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** How often the worker copies the WAL's committed pages into the database file. */
export const CHECKPOINT_INTERVAL_MS = 100

/** SQLite's own default: a checkpoint inside the commit that takes the WAL past this many pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1000

export interface WalCheckpointer {
  /** Stops the worker (after the checkpoint it may be making) and closes its connection. */
  stop: () => Promise<void>
}

/**
 * The worker's code: a script (not a module file) so that it runs the same from the TypeScript
 * sources under test and from the compiled bundle, which has no file of its own for it.
 */
const WORKER_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.betterSqlite3)
const db = new Database(workerData.path, { fileMustExist: true })
// PASSIVE copies what no reader still needs and never waits for the writer: the server's connection
// is never held up by it. With nothing new in the WAL it does nothing, not even a sync.
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.intervalMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/**
 * Checkpoints of a WAL-mode database on a thread of their own. SQLite checkpoints inside the commit
 * that takes the WAL past 1,000 pages: copying the pages and two fsyncs, on the thread that serves
 * every request. Placing orders, that was half of all commit time (a checkpoint every second or third
 * group commit, 8.3 ms per commit against 3.6 ms without). Here the connection's own checkpoints are
 * turned off, and a worker with a connection of its own makes them instead. Should the worker fail,
 * the connection checkpoints for itself again, so the WAL never grows without end.
 */
export function checkpointInBackground(sqlite: { pragma: (source: string) => unknown }, path: string): WalCheckpointer {
  sqlite.pragma('wal_autocheckpoint = 0')
  const worker = new Worker(WORKER_SCRIPT, {
    eval: true,
    workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS, betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3') },
  })
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.once('error', () => sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`))
  return {
    stop: async () => {
      worker.postMessage('stop')
      await exited
    },
  }
}
