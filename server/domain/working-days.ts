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

/** The calendar date (YYYY-MM-DD) in Shanghai at `at`. */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

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

/** Working hours, Shanghai time, on working days: 09:00–18:00 (a working day is these 9 hours). */
export const WORKDAY_START_HOUR = 9
export const WORKDAY_END_HOUR = 18
export const WORKDAY_HOURS = WORKDAY_END_HOUR - WORKDAY_START_HOUR
const HOUR_MS = 60 * 60 * 1000

/** Midnight of the Shanghai day that `wallClock` (Shanghai wall-clock ms) falls in. */
const dayStartOf = (wallClock: number) => wallClock - (((wallClock % DAY_MS) + DAY_MS) % DAY_MS)

/** The working hours of the Shanghai day that `wallClock` falls in, as wall-clock ms; none at the weekend. */
function workingSpan(wallClock: number): { start: number; end: number } | undefined {
  const dayStart = dayStartOf(wallClock)
  if (!isWorkingDay(new Date(dayStart))) return undefined
  return { start: dayStart + WORKDAY_START_HOUR * HOUR_MS, end: dayStart + WORKDAY_END_HOUR * HOUR_MS }
}

/**
 * When `hours` working hours have passed since `from`: the earliest instant by which that much
 * working time lies between them. Time outside working hours does not count, so a lead that comes in
 * on Friday at 17:00 has had 4 working hours on Monday at 12:00.
 */
export function addWorkingHours(from: Date, hours: number): Date {
  let at = from.getTime() + SHANGHAI_OFFSET_MS
  let left = hours * HOUR_MS
  if (left <= 0) return from
  for (;;) {
    const span = workingSpan(at)
    if (!span || at >= span.end) {
      // None of this day's working time lies after `at`: on to the next day.
      at = dayStartOf(at) + DAY_MS
      continue
    }
    at = Math.max(at, span.start)
    if (span.end - at >= left) return new Date(at + left - SHANGHAI_OFFSET_MS)
    left -= span.end - at
    at = span.end
  }
}

/**
 * The latest instant that lies `hours` working hours or more before `now`: something that began at or
 * before it has had those hours by now, anything later has not (the inverse of addWorkingHours), so a
 * database filter (`created_at <= since`) and a row's own flag agree.
 */
export function workingHoursBefore(now: Date, hours: number): Date {
  let at = now.getTime() + SHANGHAI_OFFSET_MS
  let left = hours * HOUR_MS
  if (left <= 0) return now
  for (;;) {
    const span = workingSpan(at)
    if (!span || at <= span.start) {
      // None of this day's working time lies before `at`: back to the end of the day before.
      at = dayStartOf(at) - DAY_MS + WORKDAY_END_HOUR * HOUR_MS
      continue
    }
    at = Math.min(at, span.end)
    if (at - span.start >= left) return new Date(at - left - SHANGHAI_OFFSET_MS)
    left -= at - span.start
    at = span.start
  }
}
