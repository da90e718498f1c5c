import { z } from 'zod'

/** An empty form field is a field not given. */
export const blankless = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

/** A form's repeated field arrives as one value or several. */
export const oneOrMany = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(schema))

/** A local time in Shanghai as a datetime-local field writes it (2026-11-23T09:30), or an ISO time with its offset. */
export const shanghaiTimeSchema = z.union([z.iso.datetime({ offset: true }), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)])

/** The instant such a field names: a datetime-local value is Shanghai time (UTC+8, no daylight saving). */
export function instantOf(value: string): Date {
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}:00+08:00`)
}
