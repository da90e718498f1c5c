import { describe, expect, it } from 'vitest'
import { quoteReference } from './quote-reference'
import { timeOrderedId } from './time-ordered-id'

describe('quote references', () => {
  it('are the last 8 hex digits of the id, upper case', () => {
    expect(quoteReference('0192f3a4-5b6c-7d8e-9f01-23456789abcd')).toBe('6789ABCD')
  })

  it('tell apart quotes made in the same millisecond, whose ids share their start', () => {
    const ids = Array.from({ length: 2_000 }, () => timeOrderedId(1_800_000_000_000))
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBe(1)
    expect(new Set(ids.map(quoteReference)).size).toBe(ids.length)
  })
})
