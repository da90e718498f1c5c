import { describe, expect, it } from 'vitest'
import { addWorkingDays } from './working-days'

// Times in UTC; Shanghai is 8 hours ahead. 2026-11-23 is a Monday.
describe('addWorkingDays (Mon–Fri in Shanghai)', () => {
  it('counts Monday to Friday and keeps the time of day', () => {
    expect(addWorkingDays(new Date('2026-11-23T02:00:00Z'), 3).toISOString()).toBe('2026-11-26T02:00:00.000Z')
  })

  it('skips the weekend: Friday plus one is Monday, plus five the next Friday', () => {
    expect(addWorkingDays(new Date('2026-11-27T07:00:00Z'), 1).toISOString()).toBe('2026-11-30T07:00:00.000Z')
    expect(addWorkingDays(new Date('2026-11-27T07:00:00Z'), 5).toISOString()).toBe('2026-12-04T07:00:00.000Z')
  })

  it('reads the weekday in Shanghai, not UTC: Friday 23:30 UTC is already Saturday there', () => {
    // Saturday 07:30 in Shanghai: five working days end on Friday 07:30 Shanghai time.
    expect(addWorkingDays(new Date('2026-11-27T23:30:00Z'), 5).toISOString()).toBe('2026-12-03T23:30:00.000Z')
  })

  it('an order made at the weekend counts from Monday', () => {
    expect(addWorkingDays(new Date('2026-11-22T03:00:00Z'), 1).toISOString()).toBe('2026-11-23T03:00:00.000Z')
  })
})
