import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { AppError } from '../../errors'
import { auditOf } from '../../repositories/audit-repository'
import { inCatalogTransaction, storeCatalogVersion } from '../../repositories/catalog-repository'
import { insertRelease } from '../../repositories/catalog-releases-repository'
import type { ApproveCatalogDraftInput } from '../../schemas/console-catalog'
import { instantOf } from '../../schemas/form-fields'
import type { StaffIdentity } from '../../console/sessions'
import type { CatalogDraftRow } from '../../repositories/catalog-drafts-repository'
import { hasAuthored } from '../authorship'
import { bookDiff } from '../book-diff'
import { bookOf, draftOf, findDraft, type CatalogDraft } from '../drafts'
import { checkedBook } from './book-check'
import { moveDraft, onDraft, type CatalogServices } from './context'

/** A publish time this far in the past is a mistake (a stale form), not "now". */
const PAST_TOLERANCE_MS = 5 * 60_000
/** Further ahead is a typo (9999-12-31), not a plan: a price book is approved for the coming year at most. */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3_600_000
const MAX_VALIDITY_MS = 5 * 366 * 24 * 3_600_000

/** Refuses a decision by anyone who wrote any part of the draft (see hasAuthored). */
async function assertNotAuthor(trx: Kysely<Database>, staff: StaffIdentity, draft: CatalogDraftRow): Promise<void> {
  if (hasAuthored(staff.user.id, { authorId: draft.author_id }, await auditOf(trx, { kind: 'catalog_draft', id: draft.id }))) {
    throw new AppError('own_draft_approval', 'You cannot decide on a price change you drafted or edited: another approver must.')
  }
}

/**
 * The author (or another marketer) asks for approval; the book must still keep every guardrail, and
 * change something: a draft the same as the price book in force has nothing for an approver to decide.
 */
export async function submitDraft(services: CatalogServices, staff: StaffIdentity, id: string): Promise<CatalogDraft> {
  // Read before the draft's transaction: on SQLite its one connection is the transaction's until it ends.
  const inForce = bookOf(await services.catalogs.current())
  await onDraft(services, id, async (trx, draft) => {
    const book = checkedBook(JSON.parse(draft.book_json))
    const { offerings, components } = bookDiff(inForce, book)
    if ([offerings, components].every(({ added, removed, changed }) => added.length + removed.length + changed.length === 0)) {
      throw new AppError('invalid_request', 'The draft is the same as the price book in force: there is nothing to approve.', [{ path: 'book', message: 'unchanged' }])
    }
    await moveDraft(services, trx, staff, draft, 'submit', 'submitted', { submitted_at: services.now().toISOString() })
  })
  return findDraft(services, id)
}

export async function discardDraft(services: CatalogServices, staff: StaffIdentity, id: string): Promise<CatalogDraft> {
  await onDraft(services, id, (trx, draft) => moveDraft(services, trx, staff, draft, 'discard', 'discarded'))
  return findDraft(services, id)
}

/** An approver returns the draft to its author with what to change; it can be edited and submitted again. */
export async function sendBackDraft(services: CatalogServices, staff: StaffIdentity, id: string, comment: string): Promise<CatalogDraft> {
  await onDraft(services, id, async (trx, draft) => {
    await assertNotAuthor(trx, staff, draft)
    await moveDraft(services, trx, staff, draft, 'send_back', 'sent_back', decision(services, staff, comment), comment)
  })
  return findDraft(services, id)
}

/** An approver stops the change for good. */
export async function rejectDraft(services: CatalogServices, staff: StaffIdentity, id: string, comment: string): Promise<CatalogDraft> {
  await onDraft(services, id, async (trx, draft) => {
    await assertNotAuthor(trx, staff, draft)
    await moveDraft(services, trx, staff, draft, 'reject', 'rejected', decision(services, staff, comment), comment)
  })
  return findDraft(services, id)
}

/**
 * An approver approves: the book becomes a catalog version (or the identical earlier one, for a
 * rollback) and a release makes it live at the chosen time, everywhere or only in the pilot area, and
 * until the chosen end. Version, release, decision and audit commit together.
 */
export async function approveDraft(services: CatalogServices, staff: StaffIdentity, id: string, input: ApproveCatalogDraftInput): Promise<CatalogDraft> {
  const now = services.now()
  const publishAt = input.publishAt ? instantOf(input.publishAt) : now
  if (publishAt.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new AppError('invalid_request', 'The publish time is in the past: leave it empty to publish now.', [{ path: 'publishAt', message: 'in the past' }])
  }
  if (publishAt.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_MS) {
    throw new AppError('invalid_request', 'The publish time is more than a year ahead.', [{ path: 'publishAt', message: 'more than a year ahead' }])
  }
  const validUntil = input.validUntil ? instantOf(input.validUntil) : null
  if (validUntil && validUntil.getTime() > publishAt.getTime() + MAX_VALIDITY_MS) {
    throw new AppError('invalid_request', 'The end of validity is more than five years after the publish time.', [{ path: 'validUntil', message: 'more than five years after the publish time' }])
  }
  if (validUntil && validUntil <= publishAt) {
    throw new AppError('invalid_request', 'The end of validity must come after the publish time.', [{ path: 'validUntil', message: 'not after the publish time' }])
  }
  const buildingIds = [...new Set(input.buildingIds ?? [])]
  if (buildingIds.length > 0) {
    const known = new Set((await services.db.selectFrom('buildings').select('id').where('id', 'in', buildingIds).execute()).map((row) => row.id))
    const unknown = buildingIds.filter((buildingId) => !known.has(buildingId))
    if (unknown.length > 0) throw new AppError('invalid_request', `Unknown buildings: ${unknown.join(', ')}.`, [{ path: 'buildingIds', message: `unknown building ${unknown[0]}` }])
  }
  const districts = [...new Set(input.districts)]
  const release = {
    publishAt: (publishAt < now ? now : publishAt).toISOString(),
    validUntil: validUntil?.toISOString() ?? null,
    districts: districts.length > 0 ? districts : null,
    buildingIds: buildingIds.length > 0 ? buildingIds : null,
  }
  await onDraft(
    services,
    id,
    async (trx, draft) => {
      await assertNotAuthor(trx, staff, draft)
      const book = checkedBook(draftOf(draft).book)
      const catalogVersion = await storeCatalogVersion(trx, book, now)
      const releaseId = await insertRelease(trx, { ...release, catalogVersion, draftId: draft.id, releasedBy: staff.user.id }, now)
      await moveDraft(services, trx, staff, draft, 'approve', 'approved', { ...decision(services, staff, input.comment ?? null), catalog_version: catalogVersion }, input.comment, {
        catalogVersion,
        release: { id: releaseId, ...release },
      })
    },
    (work) => inCatalogTransaction(services.db, work),
  )
  return findDraft(services, id)
}

const decision = (services: CatalogServices, staff: StaffIdentity, comment: string | null) => ({
  decided_by: staff.user.id,
  decided_at: services.now().toISOString(),
  decision_comment: comment,
})
