import type { AstroGlobal } from 'astro'
import { encode, type FormFields } from '../../server/catalog-management/editor/codec'
import { formNameOf, formRootOf, type EditorTarget } from '../../server/catalog-management/editor/editor-form'
import { readEditorFlash, type EditorFlash, type EditorIssue } from '../../server/catalog-management/editor/form-flash'
import type { ObjectNode } from '../../server/catalog-management/editor/form-tree'
import { findDraft, type CatalogDraft } from '../../server/catalog-management/drafts'
import type { StaffIdentity } from '../../server/console/sessions'
import { FORM_FLASH_PARAM } from '../../server/console/forms'
import { isEditableDraft } from '../../server/domain/catalog-draft-status'
import { AppError } from '../../server/errors'
import { currentServices } from '../../server/services/registry'
import { consolePage } from './console-page'
import { consoleSections } from './console-sections'
import { localePath, type Lang } from './lang'

/** Who edits a draft's forms; the catalog section's other readers (approvers) see them read-only. */
const EDITORS = ['marketing', 'admin'] as const

export type EditorPage =
  | { kind: 'not-found' }
  | { kind: 'redirect'; response: Response }
  | { kind: 'forbidden'; lang: Lang; staff: StaffIdentity }
  | {
      kind: 'allowed'
      lang: Lang
      staff: StaffIdentity
      draft: CatalogDraft
      root: ObjectNode
      fields: FormFields
      issues: EditorIssue[]
      revision: number
      readOnly: boolean
      /** Why the form came back, if it did (a refused save, someone saving meanwhile, a row button), or `saved`. */
      notice: EditorFlash['notice'] | 'saved' | undefined
      action: string
      returnPath: string
      draftPath: string
    }

/**
 * The start of both editor pages: the staff member and draft, and the form's fields, as the draft holds
 * them or, coming back from the API (`form=<id>`), as they were typed. Read-only for an approver, and for
 * anyone once the draft is submitted or decided.
 */
export async function editorPage(Astro: AstroGlobal, target: EditorTarget, pagePath: (draftId: string) => string): Promise<EditorPage> {
  const page = await consolePage(Astro, consoleSections.catalog.roles)
  if (page.kind !== 'allowed') return page
  const { lang, staff } = page
  const services = currentServices()
  const draftId = Astro.params.id ?? ''
  const draft = await findDraft(services, draftId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'catalog_draft_not_found') return undefined
    throw error
  })
  const offering = target.kind === 'offering' ? draft?.book.offerings.find((candidate) => candidate.slug === target.slug) : undefined
  if (!draft || (target.kind === 'offering' && !offering)) return { kind: 'not-found' }
  const root = formRootOf(target)
  const flashId = Astro.url.searchParams.get(FORM_FLASH_PARAM)
  const kept = flashId ? await readEditorFlash(services, flashId, { by: staff.user.id, draftId: draft.id, form: formNameOf(target) }) : undefined
  const editor = staff.roles.some((role) => (EDITORS as readonly string[]).includes(role))
  return {
    kind: 'allowed',
    lang,
    staff,
    draft,
    root,
    fields: kept?.fields ?? encode(root, target.kind === 'offering' ? offering : { components: draft.book.components }),
    issues: kept?.issues ?? [],
    revision: kept?.revision ?? draft.revision,
    readOnly: !editor || !isEditableDraft(draft.status),
    notice: kept?.notice ?? (Astro.url.searchParams.get('done') === 'saved' ? 'saved' : undefined),
    action: target.kind === 'offering' ? `/api/console/catalog/drafts/${draft.id}/offerings/${target.slug}` : `/api/console/catalog/drafts/${draft.id}/components`,
    returnPath: localePath(lang, pagePath(draft.id)),
    draftPath: localePath(lang, `/console/catalog/drafts/${draft.id}`),
  }
}
