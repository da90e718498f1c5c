/**
 * Batching for writes that callers wait on: `run` takes what has gathered and writes it. It runs on
 * the next turn of the event loop, unless it is running or about to; once done, it runs again if
 * more has come meanwhile (`pending`). One batch is in flight at a time, so under load a batch holds
 * what arrived during the last one's round trip, not one turn's worth. `run` settles its own callers
 * and never rejects.
 */
export function oneBatchInFlight(run: () => Promise<void>, pending: () => boolean): () => void {
  let scheduled = false
  const next = async () => {
    await run()
    if (pending()) setImmediate(next)
    else scheduled = false
  }
  return () => {
    if (scheduled) return
    scheduled = true
    setImmediate(next)
  }
}
