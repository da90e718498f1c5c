import type { Kysely, Updateable } from 'kysely'
import type { Database } from '../../../db/schema'
import { canMoveLead, leadCommandApplies, type LeadCommand, type LeadStatus } from '../../domain/lead-status'
import { AppError } from '../../errors'
import { recordAudit } from '../../repositories/audit-repository'
import { transitionLead, type Lead } from '../../repositories/leads-repository'
import type { LeadActor, LeadServices } from './context'

export interface LeadRecord {
  actor: LeadActor
  /** The command's name, e.g. `mark_lost`. */
  action: LeadCommand | 'escalate'
  reason?: string
}

/**
 * The command does not apply to the lead as it is now (a page from before someone else's change, or
 * sent twice). The path `lead` lets the console say so instead of blaming a field.
 */
export const notAllowed = (lead: Pick<Lead, 'id' | 'status'>, action: string) =>
  new AppError('invalid_request', `Lead ${lead.id} is ${lead.status}: ${action} does not apply.`, [{ path: 'lead', message: `is ${lead.status}` }])

/** Guarded changes that lost a race tell the caller to look again rather than pretend. */
export const changedMeanwhile = (lead: Pick<Lead, 'id'>) => new AppError('invalid_request', `Lead ${lead.id} changed meanwhile; look again.`, [{ path: 'lead', message: 'changed meanwhile' }])

/** Refuses a command the lead's status does not allow (the table in server/domain/lead-status.ts). */
export function assertApplies(lead: Lead, command: LeadCommand): void {
  if (!leadCommandApplies(command, lead.status as LeadStatus)) throw notAllowed(lead, command)
}

/**
 * Moves a lead along the transition table, guarded by its current status: false when it is no longer
 * in the status read (a concurrent command won), and nothing happens. The move goes into the audit log
 * with who and why.
 */
export async function moveLead(
  services: Pick<LeadServices, 'now'>,
  trx: Kysely<Database>,
  lead: Lead,
  to: LeadStatus,
  record: LeadRecord,
  set: Updateable<Database['leads']> = {},
  changed: Record<string, unknown> = {},
): Promise<boolean> {
  const from = lead.status as LeadStatus
  if (!canMoveLead(from, to)) throw notAllowed(lead, record.action)
  if (!(await transitionLead(trx, lead.id, from, to, set, services.now().toISOString()))) return false
  await auditLead(services, trx, lead, record, { status: from }, { status: to, ...changed })
  return true
}

export async function auditLead(
  services: Pick<LeadServices, 'now'>,
  trx: Kysely<Database>,
  lead: Pick<Lead, 'id'>,
  record: LeadRecord,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, { actor: record.actor, action: record.action, subject: { kind: 'lead', id: lead.id }, before, after, reason: record.reason }, services.now())
}
