import { z } from 'zod'
import { readFormFlash, saveFormFlash } from '../../repositories/form-flashes-repository'
import type { Services } from '../../services/services'
import { MAX_ROWS } from './codec'

/**
 * An editor form as it was posted, kept for its page (the redirect carries only the flash's id): after a
 * refused save, with each problem by the field it is shown beside; after "add row" or "remove", as typed
 * with the row changed; after someone else saved meanwhile, as typed with the revision now current. Only
 * the staff member who typed it gets it back, on the same draft's same form.
 */

const text = z.strictObject({ zh: z.string().max(500), en: z.string().max(500) })
const editorFlashSchema = z.object({
  by: z.string(),
  draftId: z.string(),
  /** `offering:<slug>` or `components`. */
  form: z.string(),
  fields: z.record(z.string().max(200), z.array(z.string().max(10_000)).max(MAX_ROWS)),
  revision: z.number().int(),
  /** Why the form came back: refused (issues), stale (someone saved meanwhile), rows (a row added or removed). */
  notice: z.enum(['refused', 'stale', 'rows', 'not_editable']),
  issues: z.array(z.object({ field: z.string(), message: text })).max(500),
})

export type EditorFlash = z.infer<typeof editorFlashSchema>
export type EditorIssue = EditorFlash['issues'][number]

export const offeringFormName = (slug: string) => `offering:${slug}`
export const COMPONENTS_FORM = 'components'

export const saveEditorFlash = (services: Pick<Services, 'db' | 'now'>, flash: EditorFlash) => saveFormFlash(services.db, flash, services.now())

/** The kept form behind `id` for this staff member, draft and form, or undefined (expired, made up, another's). */
export async function readEditorFlash(
  services: Pick<Services, 'db' | 'now'>,
  id: string,
  expected: { by: string; draftId: string; form: string },
): Promise<EditorFlash | undefined> {
  const parsed = editorFlashSchema.safeParse(await readFormFlash(services.db, id, services.now()))
  if (!parsed.success) return undefined
  const { by, draftId, form } = parsed.data
  return by === expected.by && draftId === expected.draftId && form === expected.form ? parsed.data : undefined
}
