import { z } from 'zod'
import { readFormFlash, saveFormFlash } from '../repositories/form-flashes-repository'
import type { Services } from './services'

/** The query parameter the refused callback form comes back with: an opaque id, nothing personal. */
export const CALLBACK_FLASH_PARAM = 'lead_form'
/** A refusal that stores nothing (too many requests): the error code alone. */
export const CALLBACK_ERROR_PARAM = 'lead_error'

const callbackFlashSchema = z.object({
  /** The field that was refused, or `form`. */
  error: z.string(),
  values: z.object({ company: z.string(), name: z.string(), mobile: z.string(), note: z.string() }),
})

export type CallbackFlash = z.infer<typeof callbackFlashSchema>

export const saveCallbackFlash = (services: Services, flash: CallbackFlash) => saveFormFlash(services.db, flash, services.now())

/** The refused form behind an id, or undefined once it has expired (or the id is made up). */
export async function readCallbackFlash(services: Services, id: string): Promise<CallbackFlash | undefined> {
  const parsed = callbackFlashSchema.safeParse(await readFormFlash(services.db, id, services.now()))
  return parsed.success ? parsed.data : undefined
}
