import { describe, expect, it } from 'vitest'
import { timeOrderedId } from './time-ordered-id'

describe('time-ordered ids', () => {
  it('are version 7 UUIDs that sort in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 5_000 }, () => timeOrderedId(1_764_000_000_000))
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('carry the time: a later millisecond sorts after', () => {
    const earlier = timeOrderedId(1_800_000_000_000)
    expect(timeOrderedId(1_800_000_000_001) > earlier).toBe(true)
    expect(Number.parseInt(earlier.replace(/-/g, '').slice(0, 12), 16)).toBe(1_800_000_000_000)
  })
})
