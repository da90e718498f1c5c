import type { Attribution } from '../schemas/attribution'

/** The first-touch utm values a quote, lead or order keeps as columns beside its attribution JSON (campaign reports count them). */
export interface UtmColumns {
  utm_source: string | null
  utm_medium: string | null
  utm_campaign: string | null
  utm_term: string | null
}

/** The columns for an attribution, given as the object or as the JSON the row stores. */
export function utmColumns(attribution: Attribution | string | null | undefined): UtmColumns {
  const parsed: Partial<Record<string, unknown>> = typeof attribution === 'string' ? JSON.parse(attribution) : (attribution ?? {})
  const value = (key: keyof UtmColumns) => (typeof parsed[key] === 'string' && parsed[key] !== '' ? (parsed[key] as string) : null)
  return { utm_source: value('utm_source'), utm_medium: value('utm_medium'), utm_campaign: value('utm_campaign'), utm_term: value('utm_term') }
}
