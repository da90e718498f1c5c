import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { canMoveDraft, type CatalogDraftCommand, type CatalogDraftStatus } from '../../domain/catalog-draft-status'
import { AppError } from '../../errors'
import { recordAudit } from '../../repositories/audit-repository'
import { findDraftRow, transitionDraft, type CatalogDraftRow } from '../../repositories/catalog-drafts-repository'
import type { StaffIdentity } from '../../console/sessions'
import type { Services } from '../../services/services'

/** What the catalog lifecycle's commands need of the server. */
export type CatalogServices = Pick<Services, 'db' | 'now' | 'catalogs'>

export const draftNotFound = (id: string) => new AppError('catalog_draft_not_found', `There is no catalog draft ${id}.`)

export const notAllowed = (draft: Pick<CatalogDraftRow, 'id' | 'status'>, action: string) =>
  new AppError('catalog_draft_not_editable', `Draft ${draft.id} is ${draft.status}: ${action} does not apply.`, [{ path: 'draft', message: `is ${draft.status}` }])

export const changedMeanwhile = (id: string) =>
  new AppError('catalog_draft_changed', `Draft ${id} changed meanwhile; look again.`, [{ path: 'revision', message: 'changed meanwhile' }])

/** Runs a command on draft `id` in one transaction: its change and its audit row commit together or not at all. */
export async function onDraft<T>(
  services: CatalogServices,
  id: string,
  command: (trx: Kysely<Database>, draft: CatalogDraftRow) => Promise<T>,
  transaction: <R>(work: (trx: Kysely<Database>) => Promise<R>) => Promise<R> = (work) => services.db.transaction().execute(work),
): Promise<T> {
  return transaction(async (trx) => {
    const draft = await findDraftRow(trx, id)
    if (!draft) throw draftNotFound(id)
    return command(trx, draft)
  })
}

/**
 * Moves a draft along the transition table from the status it was read in, and audits who did it and
 * why; a concurrent command that moved it first makes this one fail rather than decide twice.
 */
export async function moveDraft(
  services: CatalogServices,
  trx: Kysely<Database>,
  staff: StaffIdentity,
  draft: CatalogDraftRow,
  command: CatalogDraftCommand,
  to: CatalogDraftStatus,
  set: Parameters<typeof transitionDraft>[4] = {},
  reason?: string,
  changed: Record<string, unknown> = {},
): Promise<void> {
  if (!canMoveDraft(draft.status, to)) throw notAllowed(draft, command)
  if (!(await transitionDraft(trx, draft.id, draft.status, to, set, services.now().toISOString()))) throw changedMeanwhile(draft.id)
  await auditDraft(services, trx, staff, draft.id, command, { status: draft.status }, { status: to, ...changed }, reason)
}

export async function auditDraft(
  services: Pick<CatalogServices, 'now'>,
  trx: Kysely<Database>,
  staff: StaffIdentity,
  id: string,
  action: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  reason?: string,
): Promise<void> {
  await recordAudit(trx, { actor: { kind: 'staff', id: staff.user.id }, action, subject: { kind: 'catalog_draft', id }, before, after, reason }, services.now())
}
