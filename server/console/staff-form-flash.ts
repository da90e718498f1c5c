import type { z } from 'zod'
import { readFormFlash, saveFormFlash } from '../repositories/form-flashes-repository'
import type { Services } from '../services/services'

/**
 * A refused console form's fields, kept so the form comes back as typed (the redirect carries only
 * the flash's id, never what was typed). Only the staff member who typed them gets them back: each
 * form gives the shape of what it keeps, and this stores and reads it.
 */
export function staffFormFlash<Values extends z.ZodType>(values: Values) {
  type Kept = z.output<Values>
  return {
    save: (services: Pick<Services, 'db' | 'now'>, staffId: string, kept: Kept) => saveFormFlash(services.db, { by: staffId, values: kept }, services.now()),
    /** The kept form behind an id for this staff member, or undefined (expired, made up, someone else's, or of another shape). */
    async read(services: Pick<Services, 'db' | 'now'>, staffId: string, id: string): Promise<Kept | undefined> {
      const stored = (await readFormFlash(services.db, id, services.now())) as { by?: unknown; values?: unknown } | undefined
      if (!stored || stored.by !== staffId) return undefined
      const parsed = values.safeParse(stored.values)
      return parsed.success ? parsed.data : undefined
    },
  }
}

/** A posted field's first value as text (one value or several per name), at most `max` characters; '' when absent. */
export function firstText(value: unknown, max: number): string {
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.slice(0, max) : ''
}
