import { formatDate } from '../../server/format-date'
import type { Lang } from './lang'

/**
 * Audit rows as staff read them: each recorded fact a line of words, "State: Paid", never raw JSON or
 * a stored timestamp. What a subject's facts are called is its own (order-history-text.ts,
 * lead-history-text.ts, catalog-history-text.ts); the form of a line and of a date is here.
 */

/** A moment as every console page writes it: "1 Dec 2026, 18:00" / "2026年12月1日 18:00" (Beijing time). */
export const momentText = (iso: string, lang: Lang): string => formatDate(iso, lang, { time: true })

/** Said after a moment where the page does not say otherwise. */
export const beijingTime: Record<Lang, string> = { zh: '（北京时间）', en: ' (Beijing time)' }

/** "Label: words". */
export const said = (label: string, words: string, lang: Lang): string => `${label}${lang === 'zh' ? '：' : ': '}${words}`

const isMoment = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)
export const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)

/** A recorded value nothing names: days and moments as dates, lists joined, anything else as recorded. */
export function recordedValueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '—'
  if (isMoment(value)) return `${momentText(value, lang)}${beijingTime[lang]}`
  if (isDay(value)) return formatDate(value, lang)
  if (Array.isArray(value)) return value.map((item) => recordedValueText(item, lang)).join(lang === 'zh' ? '、' : ', ')
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The name of a code among `names`, or the value as recorded (a code added since). */
export const oneOf = (names: Record<string, string>, value: unknown, lang: Lang): string =>
  typeof value === 'string' && Object.hasOwn(names, value) ? names[value] : recordedValueText(value, lang)

/**
 * An audit row's before or after as lines of facts, none for an empty one. `fact` words one key's
 * value; null leaves a fact out (one the row's action already says).
 */
export function auditFactsText(values: unknown, lang: Lang, fact: (key: string, value: unknown) => string | null): string[] {
  if (values === null || values === undefined) return []
  if (typeof values !== 'object' || Array.isArray(values)) return [recordedValueText(values, lang)]
  return Object.entries(values as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .flatMap(([key, value]) => fact(key, value) ?? [])
}
