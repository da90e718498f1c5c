/**
 * Batching for writes that callers wait on: `run` takes what has gathered (`pending`) and writes it.
 * A batch starts on the next turn of the event loop while fewer than `inFlight` run; otherwise what
 * arrives waits for one of them to end and goes as the next batch. Under load a batch holds what
 * arrived during a round trip, not one turn's worth. `run` settles its own callers and never rejects.
 * Returns the function to call when something was added.
 */
export function writeBatches(run: () => Promise<void>, pending: () => boolean, inFlight: number): () => void {
  let running = 0
  let scheduled = false
  const start = () => {
    scheduled = false
    if (!pending() || running >= inFlight) return
    running++
    void run().then(() => {
      running--
      if (pending()) schedule()
    })
  }
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    setImmediate(start)
  }
  return schedule
}
