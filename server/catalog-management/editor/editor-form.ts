import type { $ZodIssue } from 'zod/v4/core'
import type { StaffIdentity } from '../../console/sessions'
import { AppError, type ErrorIssue } from '../../errors'
import { priceBookSchema, type PriceBook } from '../../pricing/catalog-schema'
import { text } from '../../pricing/labels'
import { findDraft, saveDraftBook, type CatalogDraft } from '../drafts'
import type { CatalogServices } from '../lifecycle/context'
import { addRow, anchorOf, decode, removeRow, type CodecIssue, type FormFields } from './codec'
import { COMPONENTS_FORM, offeringFormName, type EditorFlash, type EditorIssue } from './form-flash'
import { componentsForm, nodeAt, offeringForm, type ObjectNode } from './form-tree'
import { codecMessages, componentStillUsedMessage, zodIssueMessage } from './issues'

/**
 * One editor form posted on a draft: one offering, or the component list. A save replaces that part
 * of the draft's price book as it is now (another editor's changes to other offerings stay) and saves
 * the whole book over the revision the form was read at; "add row" and "remove" change the form only.
 * Whatever does not save comes back as a kept form (EditorFlash) with its problems beside its fields.
 */

export type EditorTarget = { kind: 'offering'; slug: string } | { kind: 'components' }

export interface PostedEditorForm {
  fields: FormFields
  revision: number
  /** `add:<list path>` or `remove:<list path>.<row>`: a row button, not a save. */
  op?: string
}

export type EditorOutcome =
  | { kind: 'saved'; draft: CatalogDraft }
  /** The form as typed for its page; `error` is the refusal to answer with (none for a row button), `focus` the field to go to. */
  | { kind: 'kept'; flash: Omit<EditorFlash, 'by'>; error?: AppError; focus?: string }

export const formRootOf = (target: EditorTarget): ObjectNode => (target.kind === 'offering' ? offeringForm : componentsForm)
export const formNameOf = (target: EditorTarget) => (target.kind === 'offering' ? offeringFormName(target.slug) : COMPONENTS_FORM)

/** Where the form's root sits in the price book: an offering at its index, the components form at the root. */
function bookPrefix(book: PriceBook, target: EditorTarget): string[] {
  if (target.kind === 'components') return []
  const index = book.offerings.findIndex((offering) => offering.slug === target.slug)
  if (index < 0) throw new AppError('offering_not_found', `The draft has no offering ${target.slug}.`)
  return ['offerings', String(index)]
}

/** A problem at a path from the book's root, placed on the form: beside its field, or at the top when it is not this form's. */
function placed(target: EditorTarget, fields: FormFields, prefix: string[], path: readonly PropertyKey[]): { field: string; within: string[] | undefined } {
  const segments = path.map(String)
  const within = prefix.every((segment, index) => segments[index] === segment) ? segments.slice(prefix.length) : undefined
  return { field: within ? anchorOf(formRootOf(target), fields, within) : '', within }
}

/** A problem in another part of the book than the form's, said with the bundle it is in (the form cannot show the field). */
function elsewhere(book: PriceBook, issue: { path: readonly PropertyKey[]; message: string }) {
  const [part, index, ...within] = issue.path.map(String)
  const offering = part === 'offerings' ? book.offerings[Number(index)] : undefined
  return offering ? (componentStillUsedMessage(issue, offering, within) ?? undefined) : undefined
}

export async function submitEditorForm(
  services: CatalogServices,
  staff: StaffIdentity,
  draftId: string,
  target: EditorTarget,
  posted: PostedEditorForm,
): Promise<EditorOutcome> {
  const draft = await findDraft(services, draftId)
  const prefix = bookPrefix(draft.book, target)
  const keep = (fields: FormFields, notice: EditorFlash['notice'], issues: EditorIssue[], revision = posted.revision) => ({
    draftId,
    form: formNameOf(target),
    fields,
    revision,
    notice,
    issues,
  })

  const rowOp = /^(add|remove):(.+)$/.exec(posted.op ?? '')
  if (rowOp) {
    const [, action, path] = rowOp
    const row = /^(.+)\.(\d+)$/.exec(path)
    const fields = action === 'add' ? addRow(posted.fields, path) : row ? removeRow(posted.fields, row[1], Number(row[2])) : posted.fields
    return { kind: 'kept', flash: keep(fields, 'rows', []), focus: action === 'add' ? path : row?.[1] }
  }

  const root = formRootOf(target)
  const decoded = decode(root, posted.fields)
  const book: unknown =
    target.kind === 'offering'
      ? { ...draft.book, offerings: draft.book.offerings.map((offering) => (offering.slug === target.slug ? { ...(decoded.value as object), slug: target.slug } : offering)) }
      : { ...draft.book, components: (decoded.value as { components?: unknown }).components }

  const parsed = priceBookSchema.safeParse(book)
  if (decoded.issues.length > 0 || !parsed.success) {
    const kind = posted.fields['rule.kind']?.[0]
    const typing = decoded.issues.map(({ field, problem }: CodecIssue) => ({ field, message: codecMessages[problem] }))
    // What could not be read is said once, in the codec's words; the schema's issue about the same field is left out.
    const unreadable = new Set(typing.map((issue) => issue.field))
    const schema = (parsed.error?.issues ?? []).flatMap((issue) => {
      const { field, within } = placed(target, posted.fields, prefix, issue.path)
      if (unreadable.has(field)) return []
      return [{ field, message: (field === '' ? elsewhere(draft.book, issue) : undefined) ?? zodIssueMessage(issue as $ZodIssue, within ? nodeAt(root, within, kind) : undefined), path: issue.path.join('.') }]
    })
    const issues: ErrorIssue[] = [
      ...typing.map((issue) => ({ path: [...prefix, issue.field].join('.'), message: issue.message.en })),
      ...schema.map((issue) => ({ path: issue.path || '(root)', message: issue.message.en })),
    ]
    return {
      kind: 'kept',
      flash: keep(posted.fields, 'refused', [...typing, ...schema.map(({ field, message }) => ({ field, message }))]),
      error: new AppError('invalid_request', 'The form has fields to correct.', issues),
    }
  }

  try {
    return { kind: 'saved', draft: await saveDraftBook(services, staff, draftId, parsed.data, posted.revision) }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    if (error.code === 'catalog_draft_changed') {
      // The typed values stay; the form now names the revision saved meanwhile, so saving again is a decision seen.
      const current = await findDraft(services, draftId)
      return { kind: 'kept', flash: keep(posted.fields, 'stale', [], current.revision), error }
    }
    if (error.code === 'catalog_draft_not_editable') return { kind: 'kept', flash: keep(posted.fields, 'not_editable', []), error }
    if (error.code === 'invalid_request' && error.issues) {
      const issues = error.issues.map((issue) => ({
        field: placed(target, posted.fields, prefix, issue.path.split('.')).field,
        message: issue.messages ?? text(issue.message, issue.message),
      }))
      return { kind: 'kept', flash: keep(posted.fields, 'refused', issues), error }
    }
    throw error
  }
}
