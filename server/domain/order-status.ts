/**
 * The order's life as a transition table. Payment waits are the entry states; `active` and
 * `cancelled` are terminal. Anything not listed is refused, so a late or repeated event cannot
 * move an order backwards.
 */
export const orderTransitions = {
  awaiting_payment: ['paid', 'cancelled'],
  awaiting_transfer: ['paid', 'cancelled'],
  survey_required: ['awaiting_transfer', 'cancelled'],
  paid: ['scheduled', 'cancelled'],
  scheduled: ['installing', 'cancelled'],
  installing: ['active'],
  active: [],
  cancelled: [],
} as const satisfies Record<string, readonly string[]>

export type OrderStatus = keyof typeof orderTransitions

export const initialOrderStatuses: OrderStatus[] = ['awaiting_payment', 'awaiting_transfer', 'survey_required', 'paid']

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return (orderTransitions[from] as readonly OrderStatus[]).includes(to)
}

export function isTerminal(status: OrderStatus): boolean {
  return orderTransitions[status].length === 0
}
