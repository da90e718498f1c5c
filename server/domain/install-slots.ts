/**
 * Installation slots: mornings and afternoons of the next 14 working days (Monday to Friday,
 * Shanghai time), and today's afternoon when the building allows same-day installation and it
 * is still morning.
 */
export const installSlotKinds = ['am', 'pm'] as const
export type InstallSlotKind = (typeof installSlotKinds)[number]

export interface InstallDay {
  date: string
  slots: InstallSlotKind[]
}

const WORKING_DAYS_AHEAD = 14
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const SAME_DAY_CUTOFF_HOUR = 12

export function installDays(now: Date, sameDayAllowed: boolean): InstallDay[] {
  // China has no daylight saving time: Shanghai is always UTC+8.
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
  const isWorkingDay = (day: Date) => day.getUTCDay() !== 0 && day.getUTCDay() !== 6
  const days: InstallDay[] = []
  if (sameDayAllowed && isWorkingDay(local) && local.getUTCHours() < SAME_DAY_CUTOFF_HOUR) {
    days.push({ date: local.toISOString().slice(0, 10), slots: ['pm'] })
  }
  for (let day = new Date(local.getTime() + DAY_MS); days.filter((entry) => entry.slots.length === 2).length < WORKING_DAYS_AHEAD; day = new Date(day.getTime() + DAY_MS)) {
    if (isWorkingDay(day)) days.push({ date: day.toISOString().slice(0, 10), slots: [...installSlotKinds] })
  }
  return days
}

export function isInstallSlotOffered(now: Date, sameDayAllowed: boolean, date: string, slot: InstallSlotKind): boolean {
  return installDays(now, sameDayAllowed).some((day) => day.date === date && day.slots.includes(slot))
}

/**
 * The days and slots that still have room: a slot with `capacity` installations booked is left out,
 * and a day with no slot left disappears. `booked` answers how many a slot of the list holds.
 */
export function withRoom(days: InstallDay[], booked: (date: string, slot: InstallSlotKind) => number, capacity: number): InstallDay[] {
  return days
    .map((day) => ({ date: day.date, slots: day.slots.filter((slot) => booked(day.date, slot) < capacity) }))
    .filter((day) => day.slots.length > 0)
}
