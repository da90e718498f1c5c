/**
 * Replaces the page's query string as the visitor edits (no history entry per keystroke), and keeps the
 * language switch pointing at the same state, since the server rendered it with the query it had then.
 */
export function replaceQuery(params: URLSearchParams): void {
  const url = new URL(window.location.href)
  url.search = params.toString()
  if (url.href === window.location.href) return
  history.replaceState(history.state, '', url)
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-switch]')) {
    const target = new URL(link.href)
    target.search = url.search
    link.href = `${target.pathname}${target.search}`
  }
}
