/**
 * Payment deadlines count working days, Monday to Friday, as the calendar reads in Shanghai. China
 * has kept UTC+8 without daylight saving since 1991, so a fixed offset is the Shanghai calendar.
 * (Public holidays and their make-up working days are not counted: operations extend a deadline that
 * falls in one.)
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const isWorkingDay = (shanghaiWallClock: Date) => {
  const weekday = shanghaiWallClock.getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The same time of day `days` working days later: Friday 15:00 plus 1 is Monday 15:00, and an order
 * made at the weekend counts from Monday (Saturday 10:00 plus 5 is Friday 10:00).
 */
export function addWorkingDays(from: Date, days: number): Date {
  let wallClock = new Date(from.getTime() + SHANGHAI_OFFSET_MS)
  for (let counted = 0; counted < days; ) {
    wallClock = new Date(wallClock.getTime() + DAY_MS)
    if (isWorkingDay(wallClock)) counted += 1
  }
  return new Date(wallClock.getTime() - SHANGHAI_OFFSET_MS)
}
