import { describe, expect, it } from 'vitest'
import { installDays, isInstallSlotOffered, withRoom } from './install-slots'

// 2026-11-23 is a Monday. 01:00 UTC is 09:00 in Shanghai, 05:00 UTC is 13:00.
const mondayMorning = new Date('2026-11-23T01:00:00Z')
const mondayAfternoon = new Date('2026-11-23T05:00:00Z')
const saturday = new Date('2026-11-28T01:00:00Z')

describe('installDays', () => {
  it('offers both slots of the next 14 working days, skipping weekends', () => {
    const days = installDays(mondayMorning, false)
    expect(days).toHaveLength(14)
    expect(days[0]).toEqual({ date: '2026-11-24', slots: ['am', 'pm'] })
    expect(days.map((day) => day.date)).not.toContain('2026-11-28')
    expect(days.map((day) => day.date)).not.toContain('2026-11-29')
    expect(days.at(-1)!.date).toBe('2026-12-11')
  })

  it("adds today's afternoon only where the building allows same-day installation, before noon", () => {
    expect(installDays(mondayMorning, true)[0]).toEqual({ date: '2026-11-23', slots: ['pm'] })
    expect(installDays(mondayMorning, true)).toHaveLength(15)
    expect(installDays(mondayAfternoon, true)[0].date).toBe('2026-11-24')
    expect(installDays(saturday, true)[0].date).toBe('2026-11-30')
  })

  it('uses the Shanghai date, not the UTC one', () => {
    // 2026-11-23T17:00Z is already Tuesday 01:00 in Shanghai.
    expect(installDays(new Date('2026-11-23T17:00:00Z'), false)[0].date).toBe('2026-11-25')
  })

  it('checks a chosen slot', () => {
    expect(isInstallSlotOffered(mondayMorning, false, '2026-11-24', 'am')).toBe(true)
    expect(isInstallSlotOffered(mondayMorning, false, '2026-11-23', 'pm')).toBe(false)
    expect(isInstallSlotOffered(mondayMorning, true, '2026-11-23', 'pm')).toBe(true)
    expect(isInstallSlotOffered(mondayMorning, true, '2026-11-23', 'am')).toBe(false)
    expect(isInstallSlotOffered(mondayMorning, false, '2026-11-28', 'am')).toBe(false)
    expect(isInstallSlotOffered(mondayMorning, false, '2026-12-14', 'am')).toBe(false)
  })
})

describe('withRoom', () => {
  it('leaves out full slots, and a day whose slots are all full', () => {
    const days = [
      { date: '2026-11-23', slots: ['pm' as const] },
      { date: '2026-11-24', slots: ['am' as const, 'pm' as const] },
      { date: '2026-11-25', slots: ['am' as const, 'pm' as const] },
    ]
    const booked: Record<string, number> = { '2026-11-23 pm': 2, '2026-11-24 am': 3, '2026-11-24 pm': 1, '2026-11-25 am': 2, '2026-11-25 pm': 2 }
    expect(withRoom(days, (date, slot) => booked[`${date} ${slot}`] ?? 0, 2)).toEqual([{ date: '2026-11-24', slots: ['pm'] }])
    expect(withRoom(days, () => 0, 2)).toEqual(days)
  })
})
