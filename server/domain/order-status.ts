/**
 * The order's life as a transition table. Payment waits are the entry states, and `confirmed` for an
 * order with nothing due today (it goes on like a paid one, but nothing was paid); an order that
 * would take too many of a building's ports starts in `pending_review`, holding nothing until
 * operations approve it into one of the other entry states (or reject it); one waiting for a site
 * survey goes on as a placed order would once the survey has found the ports it needs; `active` and
 * `cancelled` are terminal. Anything not listed is refused, so a late or repeated event cannot
 * move an order backwards.
 */
export const orderTransitions = {
  pending_review: ['awaiting_payment', 'awaiting_transfer', 'confirmed', 'survey_required', 'cancelled'],
  awaiting_payment: ['paid', 'cancelled'],
  awaiting_transfer: ['paid', 'cancelled'],
  survey_required: ['awaiting_payment', 'awaiting_transfer', 'confirmed', 'cancelled'],
  confirmed: ['scheduled', 'cancelled'],
  paid: ['scheduled', 'cancelled'],
  scheduled: ['installing', 'cancelled'],
  installing: ['active'],
  active: [],
  cancelled: [],
} as const satisfies Record<string, readonly string[]>

export type OrderStatus = keyof typeof orderTransitions

/** Where an order starts fulfilment: at once, or when operations approve one in review. */
export const entryOrderStatuses = ['awaiting_payment', 'awaiting_transfer', 'survey_required', 'confirmed'] as const satisfies readonly OrderStatus[]

export type EntryOrderStatus = (typeof entryOrderStatuses)[number]

export const initialOrderStatuses = ['pending_review', ...entryOrderStatuses] as const satisfies readonly OrderStatus[]

export type InitialOrderStatus = (typeof initialOrderStatuses)[number]

/** The statuses that wait for money and hold ports meanwhile: they have a payment deadline. */
export const unpaidOrderStatuses = ['awaiting_payment', 'awaiting_transfer'] as const satisfies readonly OrderStatus[]

export function waitsForPayment(status: OrderStatus): status is (typeof unpaidOrderStatuses)[number] {
  return (unpaidOrderStatuses as readonly OrderStatus[]).includes(status)
}

/**
 * The status an order enters fulfilment in (when placed, or once approved after review). Without
 * ports it waits for a survey and owes nothing yet; with nothing due today it is confirmed at once
 * (never `paid`: nothing was); otherwise it waits for the chosen payment.
 */
export function initialOrderStatus(order: { portsReserved: boolean; amountDue: number; paymentMethod: 'online' | 'invoice' }): EntryOrderStatus {
  if (!order.portsReserved) return 'survey_required'
  if (order.amountDue === 0) return 'confirmed'
  return order.paymentMethod === 'online' ? 'awaiting_payment' : 'awaiting_transfer'
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return (orderTransitions[from] as readonly OrderStatus[]).includes(to)
}

export function isTerminal(status: OrderStatus): boolean {
  return orderTransitions[status].length === 0
}
