import { describe, expect, it } from 'vitest'
import { canTransition, initialOrderStatuses, isTerminal, orderTransitions, type OrderStatus } from './order-status'

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

  it('only names known statuses as targets', () => {
    for (const targets of Object.values(orderTransitions)) for (const to of targets) expect(statuses).toContain(to)
  })
})
