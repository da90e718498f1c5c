import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addWorkingDays, addWorkingHours, shanghaiDate, workingHoursBefore } from './working-days'

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

describe('working hours (09:00–18:00, Mon–Fri in Shanghai)', () => {
  // 2026-11-27 is a Friday; 01:00Z is 09:00 in Shanghai.
  it('counts only working hours: Friday 17:00 plus 4 is Monday 12:00, a Saturday lead starts on Monday 09:00', () => {
    expect(addWorkingHours(new Date('2026-11-27T09:00:00Z'), 4).toISOString()).toBe('2026-11-30T04:00:00.000Z')
    expect(addWorkingHours(new Date('2026-11-28T02:00:00Z'), 4).toISOString()).toBe('2026-11-30T05:00:00.000Z')
    expect(addWorkingHours(new Date('2026-11-23T02:00:00Z'), 4).toISOString()).toBe('2026-11-23T06:00:00.000Z')
    // Before opening: counted from 09:00; a working day is 9 working hours.
    expect(addWorkingHours(new Date('2026-11-23T00:00:00Z'), 9).toISOString()).toBe('2026-11-23T10:00:00.000Z')
  })

  it('finds the latest start that has had the hours by now', () => {
    // Monday 12:00 Shanghai: 4 working hours back is Friday 17:00.
    expect(workingHoursBefore(new Date('2026-11-30T04:00:00Z'), 4).toISOString()).toBe('2026-11-27T09:00:00.000Z')
    // Monday 13:00: exactly Monday 09:00 (anything from Friday 18:00 on counts from then).
    expect(workingHoursBefore(new Date('2026-11-30T05:00:00Z'), 4).toISOString()).toBe('2026-11-30T01:00:00.000Z')
    // Sunday: the last 4 working hours were Friday 14:00–18:00.
    expect(workingHoursBefore(new Date('2026-11-29T03:00:00Z'), 4).toISOString()).toBe('2026-11-27T06:00:00.000Z')
  })

  it('agrees with itself: begun at or before workingHoursBefore(now) exactly when addWorkingHours(begun) is not after now', () => {
    const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }).map((ms) => new Date(Math.floor(ms / 60_000) * 60_000))
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 30 }), (begun, now, hours) => {
        expect(begun.getTime() <= workingHoursBefore(now, hours).getTime()).toBe(addWorkingHours(begun, hours).getTime() <= now.getTime())
      }),
      { numRuns: 2000 },
    )
  })

  it('reads the calendar date in Shanghai', () => {
    expect(shanghaiDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23')
    expect(shanghaiDate(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22')
  })
})
