/**
 * Every date a customer reads, in one format per language: "12 Jul 2026" in English (never 07/12,
 * which half the world reads as December), "2026年7月12日" in Chinese. A calendar day (`2026-07-12`)
 * is shown as that day; a moment (an ISO timestamp) as the day and time in Shanghai.
 */
type Lang = 'zh' | 'en'

export interface DateFormat {
  /** "Sun 12 Jul 2026" / "2026年7月12日 周日" */
  weekday?: boolean
  /** Without the year, where the year is obvious (the next installation days): "Sun 12 Jul". */
  year?: boolean
  /** "12 Jul 2026, 10:00" (Beijing time) — only for moments. */
  time?: boolean
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(lang: Lang, format: DateFormat, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${format.weekday ? 1 : 0}|${format.year === false ? 0 : 1}|${format.time ? 1 : 0}|${timeZone}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      day: 'numeric',
      month: lang === 'zh' ? 'numeric' : 'short',
      ...(format.year === false ? {} : { year: 'numeric' }),
      ...(format.weekday ? { weekday: 'short' } : {}),
      ...(format.time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
      timeZone,
    })
    formatters.set(key, found)
  }
  return found
}

export function formatDate(value: string | Date, lang: Lang, format: DateFormat = {}): string {
  const calendarDay = typeof value === 'string' && CALENDAR_DAY.test(value)
  const date = calendarDay ? new Date(`${value}T00:00:00Z`) : new Date(value)
  const parts = formatter(lang, format, calendarDay ? 'UTC' : 'Asia/Shanghai').formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? ''
  const day = lang === 'zh'
    ? `${format.year === false ? '' : `${part('year')}年`}${part('month')}月${part('day')}日`
    : `${part('day')} ${part('month')}${format.year === false ? '' : ` ${part('year')}`}`
  const weekday = format.weekday ? (lang === 'zh' ? ` ${part('weekday')}` : `${part('weekday')} `) : ''
  const withWeekday = lang === 'zh' ? `${day}${weekday}` : `${weekday}${day}`
  return format.time ? `${withWeekday}${lang === 'zh' ? ' ' : ', '}${part('hour')}:${part('minute')}` : withWeekday
}
