import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { AppError } from '../../errors'
import type { AuditActor } from '../../repositories/audit-repository'
import { findLead, leadInScope, touchLead, type Lead, type LeadScope } from '../../repositories/leads-repository'
import type { Services } from '../../services/services'

/** What the lead lifecycle's commands need of the server. */
export type LeadServices = Pick<Services, 'db' | 'now' | 'siteUrl'>

/** Who issues a command: a staff user, or the system (the SLA job, an order that wins the lead). */
export type LeadActor = AuditActor

export const leadNotFound = (id: string) => new AppError('lead_not_found', `There is no lead ${id}.`)

/**
 * Runs a staff command on lead `id` in one transaction: its changes, its audit row and any mail commit
 * together or not at all. A lead outside `scope` (another manager's building) is not found. Whatever
 * staff do with a lead is a response: its SLA stops. Answers the lead as it is afterwards.
 */
export async function onLead(
  services: LeadServices,
  actor: LeadActor,
  scope: LeadScope,
  id: string,
  command: (trx: Kysely<Database>, lead: Lead) => Promise<void>,
): Promise<Lead> {
  return services.db.transaction().execute(async (trx) => {
    const lead = await findLead(trx, id)
    if (!lead || !leadInScope(lead, scope)) throw leadNotFound(id)
    await command(trx, lead)
    if (actor.kind === 'staff') await touchLead(trx, lead.id, services.now().toISOString())
    return (await findLead(trx, lead.id))!
  })
}
