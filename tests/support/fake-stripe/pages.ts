import type { FakeLineItem, FakeSession } from './fake-stripe'

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** Minor units → display amount: 399600 cny → "¥3,996.00"; zero-decimal currencies (jpy) use Intl's digits. */
export function formatAmount(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(amount / 10 ** digits).replace('CN¥', '¥')
}

const layout = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>` +
  `<body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">${body}</body></html>`

export function renderPayPage(session: FakeSession, items: FakeLineItem[]): string {
  const rows = items
    .map((item) => `<li class="line-item">${escapeHtml(item.name)} × ${item.quantity} — ${formatAmount(item.unit_amount * item.quantity, item.currency)}</li>`)
    .join('')
  const action = `/pay/${encodeURIComponent(session.id)}`
  const cancel = session.cancel_url ? `<p><a id="cancel" href="${escapeHtml(session.cancel_url)}">Cancel</a></p>` : ''
  return layout(
    `<h1>Fake Stripe Checkout</h1><ul>${rows}</ul>` +
      `<p>Total: <strong id="amount">${formatAmount(session.amount_total, session.currency)}</strong></p>` +
      `<form method="post" action="${action}"><button id="pay" type="submit">Pay</button></form>` +
      `<form method="post" action="${action}"><input type="hidden" name="async" value="1">` +
      `<button id="pay-async" type="submit">Pay with a delayed method</button></form>` +
      `<form method="post" action="${action}"><input type="hidden" name="async" value="fail">` +
      `<button id="pay-async-fail" type="submit">Delayed payment that fails</button></form>${cancel}`,
  )
}

export const renderClosedPage = (message: string) => layout(`<h1>Fake Stripe Checkout</h1><p id="closed">${escapeHtml(message)}</p>`)
