import { createSignal, onCleanup, onMount } from 'solid-js'
import { api } from '../../lib/api-client'
import { fill } from '../../lib/configurator-text'

interface Props {
  jobId: string
  status: string
  rowsDone: number
  rowsTotal: number
  /** Each status's words. */
  statuses: Record<string, string>
  /** "{done} of {total} rows processed", in the page's language. */
  progress: string
  refresh: string
  refreshHref: string
}

const POLL_MS = 1000

/**
 * A running import's progress, asked for every second; once the import is done (or failed) the page
 * loads again to show its report. Without JavaScript the refresh link does the same by hand.
 */
export default function ImportProgress(props: Props) {
  const [job, setJob] = createSignal({ status: props.status, rowsDone: props.rowsDone, rowsTotal: props.rowsTotal })
  let timer: ReturnType<typeof setTimeout> | undefined
  onMount(() => {
    const poll = async () => {
      try {
        const response = await api.console['tenant-imports'][':id'].$get({ param: { id: props.jobId } })
        if (response.ok) {
          const current = await response.json()
          setJob({ status: current.status, rowsDone: current.rowsDone, rowsTotal: current.rowsTotal })
          if (current.status === 'done' || current.status === 'failed') {
            // The same address again: an import just sent is still "this import" once finished (the page
            // drops the "started" notice itself once the import has ended).
            window.location.reload()
            return
          }
        }
      } catch {
        // A dropped connection: the next poll tries again.
      }
      timer = setTimeout(poll, POLL_MS)
    }
    timer = setTimeout(poll, POLL_MS)
  })
  onCleanup(() => clearTimeout(timer))
  const text = () => fill(props.progress, { done: job().rowsDone, total: job().rowsTotal })
  return (
    <div class="import-progress">
      <p role="status" aria-live="polite">
        <strong>{props.statuses[job().status] ?? job().status}</strong> · {text()}
      </p>
      <progress max={Math.max(1, job().rowsTotal)} value={job().rowsDone} aria-label={text()} />
      <p>
        <a href={props.refreshHref}>{props.refresh}</a>
      </p>
    </div>
  )
}
