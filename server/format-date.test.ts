import { describe, expect, it } from 'vitest'
import { formatDate } from './format-date'

describe('dates customers read', () => {
  it('are unambiguous in English: day, short month, year', () => {
    expect(formatDate('2026-07-12', 'en')).toBe('12 Jul 2026')
    expect(formatDate('2026-07-12', 'en', { weekday: true })).toBe('Sun 12 Jul 2026')
    expect(formatDate('2026-07-12', 'en', { weekday: true, year: false })).toBe('Sun 12 Jul')
  })

  it('are written the Chinese way in Chinese', () => {
    expect(formatDate('2026-07-12', 'zh')).toBe('2026年7月12日')
    expect(formatDate('2026-07-12', 'zh', { weekday: true, year: false })).toBe('7月12日 周日')
  })

  it('show a moment as its day and time in Shanghai, whatever the server’s own time zone', () => {
    // 23:30 UTC on 11 July is already 12 July in Shanghai.
    expect(formatDate('2026-07-11T23:30:00.000Z', 'en', { time: true })).toBe('12 Jul 2026, 07:30')
    expect(formatDate(new Date('2026-07-11T23:30:00.000Z'), 'zh', { time: true })).toBe('2026年7月12日 07:30')
  })

  it('keep a calendar day as that day (no shift by the time zone)', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026')
  })
})
