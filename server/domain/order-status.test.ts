import { describe, expect, it } from 'vitest'
import { canTransition, initialOrderStatus, initialOrderStatuses, isTerminal, orderTransitions, type OrderStatus } from './order-status'

const statuses = Object.keys(orderTransitions) as OrderStatus[]

describe('order status transitions', () => {
  it('reaches every status from an initial one', () => {
    const reached = new Set<OrderStatus>(initialOrderStatuses)
    for (let changed = true; changed; ) {
      changed = false
      for (const from of [...reached]) {
        for (const to of orderTransitions[from]) {
          if (!reached.has(to)) {
            reached.add(to)
            changed = true
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...statuses].sort())
  })

  it('keeps terminal statuses terminal', () => {
    const terminal = statuses.filter(isTerminal)
    expect(terminal.sort()).toEqual(['active', 'cancelled'])
    for (const from of terminal) for (const to of statuses) expect(canTransition(from, to)).toBe(false)
  })

  it('never moves a paid order back to waiting for payment, or an active one anywhere', () => {
    expect(canTransition('paid', 'awaiting_payment')).toBe(false)
    expect(canTransition('cancelled', 'paid')).toBe(false)
    expect(canTransition('awaiting_payment', 'paid')).toBe(true)
    expect(canTransition('installing', 'cancelled')).toBe(false)
  })

  it('lets an order in review go only where operations send it: an entry status or cancelled, never paid', () => {
    expect([...orderTransitions.pending_review].sort()).toEqual(['awaiting_payment', 'awaiting_transfer', 'cancelled', 'confirmed', 'survey_required'])
    expect(canTransition('pending_review', 'paid')).toBe(false)
    for (const status of statuses) expect(canTransition(status, 'pending_review')).toBe(false)
  })

  it('only names known statuses as targets', () => {
    for (const targets of Object.values(orderTransitions)) for (const to of targets) expect(statuses).toContain(to)
  })
})

describe('initialOrderStatus', () => {
  const order = { portsReserved: true, amountDue: 30000, paymentMethod: 'invoice' as const }

  it('waits for the chosen payment when something is due today', () => {
    expect(initialOrderStatus(order)).toBe('awaiting_transfer')
    expect(initialOrderStatus({ ...order, paymentMethod: 'online' })).toBe('awaiting_payment')
  })

  it('confirms, never marks paid, an order with nothing due today', () => {
    expect(initialOrderStatus({ ...order, amountDue: 0 })).toBe('confirmed')
    expect(initialOrderStatus({ ...order, amountDue: 0, paymentMethod: 'online' })).toBe('confirmed')
  })

  it('needs a survey without ports, whatever is due', () => {
    expect(initialOrderStatus({ ...order, portsReserved: false })).toBe('survey_required')
    expect(initialOrderStatus({ ...order, portsReserved: false, amountDue: 0 })).toBe('survey_required')
  })

  it('only ever answers an initial status, and a confirmed order goes on like a paid one', () => {
    expect(initialOrderStatuses).not.toContain('paid')
    expect(orderTransitions.confirmed).toEqual(orderTransitions.paid)
  })
})
