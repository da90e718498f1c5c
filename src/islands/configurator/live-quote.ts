import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { PricedQuote, Quote } from '../../../server/schemas/quote'
import type { QuoteRequestInput } from '../../../server/schemas/quote-request'
import { api, type ApiErrorBody } from '../../lib/api-client'

const DEBOUNCE_MS = 300

export type ApiError = ApiErrorBody['error']
export type Compared = { key: string; quote: PricedQuote }[]

async function answer<T>(response: Response): Promise<{ ok: true; body: T } | { ok: false; error: ApiError }> {
  const body = await response.json().catch(() => undefined)
  if (response.ok) return { ok: true, body: body as T }
  return { ok: false, error: (body as ApiErrorBody | undefined)?.error ?? { code: 'internal_error', message: response.statusText } }
}

/**
 * Prices the configuration as it changes: a stored quote (POST /api/quotes) plus unstored previews
 * of the alternatives to compare. Debounced; an answer to an outdated request is dropped; the last
 * good quote stays on screen while the next one loads, so nothing flickers.
 */
export function createLiveQuote(
  request: Accessor<QuoteRequestInput | undefined>,
  comparisons: Accessor<{ key: string; request: QuoteRequestInput }[]>,
  initial: PricedQuote | undefined,
) {
  const [quote, setQuote] = createSignal<Quote | PricedQuote | undefined>(initial)
  const [compared, setCompared] = createSignal<Compared>([])
  const [error, setError] = createSignal<ApiError>()
  const [pending, setPending] = createSignal(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0
  let lastSent = ''

  createEffect(() => {
    const body = request()
    const others = comparisons()
    const key = JSON.stringify(body)
    if (!body || key === lastSent) return
    clearTimeout(timer)
    const generation = ++latest
    setPending(true)
    timer = setTimeout(async () => {
      lastSent = key
      try {
        const [main, ...previews] = await Promise.all([
          api.quotes.$post({ json: body }).then((response) => answer<Quote>(response as unknown as Response)),
          ...others.map(({ request: alternative }) =>
            api.quotes.preview.$post({ json: alternative }).then((response) => answer<PricedQuote>(response as unknown as Response)),
          ),
        ])
        if (generation !== latest) return
        if (main.ok) {
          setQuote(main.body)
          setError(undefined)
          setCompared(previews.flatMap((preview, index) => (preview.ok ? [{ key: others[index].key, quote: preview.body }] : [])))
        } else {
          setError(main.error)
          lastSent = ''
        }
      } catch {
        if (generation === latest) setError({ code: 'internal_error', message: 'network' })
        lastSent = ''
      } finally {
        if (generation === latest) setPending(false)
      }
    }, DEBOUNCE_MS)
  })
  onCleanup(() => clearTimeout(timer))

  return { quote, compared, error, pending }
}
