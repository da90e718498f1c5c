import { z } from 'zod'
import { readFormFlash, saveFormFlash } from '../repositories/form-flashes-repository'
import type { Services } from './services'

/** The query parameter the refused callback form comes back with: an opaque id, nothing personal. */
export const CALLBACK_FLASH_PARAM = 'lead_form'
/** A refusal that stores nothing (too many requests): the error code alone. */
export const CALLBACK_ERROR_PARAM = 'lead_error'

/** The callback form's fields a refusal can name; each is `#callback-<field>` on the page. */
export const CALLBACK_FIELDS = ['company', 'name', 'mobile', 'note'] as const
export type CallbackField = (typeof CALLBACK_FIELDS)[number]

/** The field a refusal names, if it is one of the form's (else the form as a whole was refused). */
export const refusedCallbackField = (error: string | undefined): CallbackField | undefined => CALLBACK_FIELDS.find((field) => field === error)

/**
 * Where the page is opened after a refusal: at the refused field, which the browser then focuses
 * (a focusable fragment target is), so the visitor lands on what to correct; else at the form.
 */
export const callbackAnchor = (error: string | undefined): string => {
  const field = refusedCallbackField(error)
  return field ? `callback-${field}` : 'callback'
}

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
