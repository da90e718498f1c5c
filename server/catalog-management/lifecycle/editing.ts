import { isEditableDraft } from '../../domain/catalog-draft-status'
import { timeOrderedId } from '../../domain/time-ordered-id'
import { AppError } from '../../errors'
import { insertDraft, updateDraftBook } from '../../repositories/catalog-drafts-repository'
import { newDraftIssues, type NewCatalogDraftInput } from '../../schemas/console-catalog'
import type { StaffIdentity } from '../../console/sessions'
import { bookDiff } from '../book-diff'
import { bookOf, draftOf, findDraft, type CatalogDraft } from '../drafts'
import { checkedBook } from './book-check'
import { auditDraft, changedMeanwhile, notAllowed, onDraft, type CatalogServices } from './context'

/**
 * Marketing starts a draft from the catalog in force, or from an earlier version (a rollback goes
 * through the same approval as any change). Copying one offering under a new slug starts a variant,
 * e.g. a pilot for one district.
 */
export async function createDraft(services: CatalogServices, staff: StaffIdentity, input: NewCatalogDraftInput): Promise<CatalogDraft> {
  const base = input.fromVersion
    ? await services.catalogs.byVersion(input.fromVersion).catch(() => {
        throw new AppError('catalog_version_not_found', `There is no catalog version ${input.fromVersion}.`, [{ path: 'fromVersion', message: 'unknown version' }])
      })
    : await services.catalogs.current()
  const book = bookOf(base)
  if (input.copyOffering && input.copyAs) {
    const original = book.offerings.find((offering) => offering.slug === input.copyOffering)
    if (!original) throw new AppError('offering_not_found', `There is no offering ${input.copyOffering}.`, [{ path: 'copyOffering', message: newDraftIssues.copyOfferingUnknown }])
    if (book.offerings.some((offering) => offering.slug === input.copyAs)) {
      throw new AppError('invalid_request', `An offering ${input.copyAs} already exists.`, [{ path: 'copyAs', message: newDraftIssues.copyAsTaken }])
    }
    book.offerings.push({ ...structuredClone(original), slug: input.copyAs })
  }
  const id = timeOrderedId(services.now().getTime())
  const now = services.now().toISOString()
  await services.db.transaction().execute(async (trx) => {
    await insertDraft(trx, { id, title: input.title, status: 'draft', base_version: base.version, book_json: JSON.stringify(book), revision: 0, author_id: staff.user.id, created_at: now, updated_at: now })
    await auditDraft(services, trx, staff, id, 'create', undefined, { status: 'draft', baseVersion: base.version, ...(input.copyAs ? { copied: { from: input.copyOffering, as: input.copyAs } } : {}) })
  })
  return findDraft(services, id)
}

/**
 * Saves a whole price book over the revision the editor read. Refused as a whole, nothing written,
 * when it does not parse or breaks a guardrail; refused when someone saved meanwhile or the draft is
 * no longer editable (submitted or decided).
 */
export async function saveDraftBook(services: CatalogServices, staff: StaffIdentity, id: string, book: unknown, revision: number): Promise<CatalogDraft> {
  const checked = checkedBook(book)
  return onDraft(services, id, async (trx, draft) => {
    if (!isEditableDraft(draft.status)) throw notAllowed(draft, 'edit')
    if (!(await updateDraftBook(trx, id, revision, JSON.stringify(checked), services.now().toISOString()))) throw changedMeanwhile(id)
    await auditDraft(services, trx, staff, id, 'edit', { revision }, { revision: revision + 1, changed: bookDiff(draftOf(draft).book, checked) })
    return draftOf({ ...draft, book_json: JSON.stringify(checked), revision: revision + 1, updated_at: services.now().toISOString() })
  })
}
