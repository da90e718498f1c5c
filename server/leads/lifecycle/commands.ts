import { shanghaiDate } from '../../domain/working-days'
import type { LeadLostReason } from '../../domain/lead-status'
import { AppError } from '../../errors'
import { findOrderByNumber } from '../../repositories/orders-repository'
import { insertLeadNote, leadInScope, updateLead, type Lead, type LeadScope } from '../../repositories/leads-repository'
import type { LeadStatus } from '../../domain/lead-status'
import { assertApplies, auditLead, changedMeanwhile, moveLead } from './change'
import { onLead, type LeadActor, type LeadServices } from './context'

/*
 * Staff commands on a lead. Each runs in one transaction (onLead), is refused when the lead's status
 * does not allow it (server/domain/lead-status.ts) and writes an audit row with who and why. `scope`
 * is what the staff member may see: a lead outside it is not found.
 */

/** The manager has reached the company (called, met, mailed). */
export async function contact(services: LeadServices, actor: LeadActor, scope: LeadScope, id: string): Promise<Lead> {
  return onLead(services, actor, scope, id, async (trx, lead) => {
    assertApplies(lead, 'contact')
    if (!(await moveLead(services, trx, lead, 'contacted', { actor, action: 'contact' }))) throw changedMeanwhile(lead)
  })
}

/** The company has a real need the building can serve: worth a quote and a visit. */
export async function qualify(services: LeadServices, actor: LeadActor, scope: LeadScope, id: string): Promise<Lead> {
  return onLead(services, actor, scope, id, async (trx, lead) => {
    assertApplies(lead, 'qualify')
    if (!(await moveLead(services, trx, lead, 'qualified', { actor, action: 'qualify' }))) throw changedMeanwhile(lead)
  })
}

/** What was said or agreed, kept with who wrote it and when; never changed afterwards. */
export async function addNote(services: LeadServices, actor: LeadActor, scope: LeadScope, id: string, body: string): Promise<Lead> {
  return onLead(services, actor, scope, id, async (trx, lead) => {
    assertApplies(lead, 'add_note')
    const at = services.now().toISOString()
    const noteId = await insertLeadNote(trx, { leadId: lead.id, authorId: actor.kind === 'staff' ? actor.id : null, body }, at)
    if (!(await updateLead(trx, lead.id, lead.status as LeadStatus, {}, at))) throw changedMeanwhile(lead)
    await auditLead(services, trx, lead, { actor, action: 'add_note' }, {}, { noteId })
  })
}

/** When to follow up next (a Shanghai date, today or later), or none. */
export async function setFollowUp(services: LeadServices, actor: LeadActor, scope: LeadScope, id: string, on: string | null): Promise<Lead> {
  return onLead(services, actor, scope, id, async (trx, lead) => {
    assertApplies(lead, 'set_follow_up')
    if (on !== null && on < shanghaiDate(services.now())) {
      throw new AppError('invalid_request', `The follow-up date ${on} has passed.`, [{ path: 'followUpOn', message: 'in the past' }])
    }
    if (!(await updateLead(trx, lead.id, lead.status as LeadStatus, { follow_up_on: on }, services.now().toISOString()))) throw changedMeanwhile(lead)
    await auditLead(services, trx, lead, { actor, action: 'set_follow_up' }, { followUpOn: lead.follow_up_on }, { followUpOn: on })
  })
}

/** The company will not buy: why (a closed set, for marketing's counts) and, if the manager likes, in their words. */
export async function markLost(services: LeadServices, actor: LeadActor, scope: LeadScope, id: string, reason: LeadLostReason, note?: string): Promise<Lead> {
  return onLead(services, actor, scope, id, async (trx, lead) => {
    assertApplies(lead, 'mark_lost')
    const set = { lost_reason: reason, lost_note: note ?? null, follow_up_on: null }
    if (!(await moveLead(services, trx, lead, 'lost', { actor, action: 'mark_lost', reason: note }, set, { lostReason: reason }))) throw changedMeanwhile(lead)
  })
}

/**
 * The company ordered: the lead is won by that order (an order the staff member may see, and not
 * cancelled). Orders usually win their leads by themselves (winLeadsForOrder); this links one that
 * was placed under another mobile or credit code.
 */
export async function markWon(services: LeadServices, actor: LeadActor, scope: LeadScope, id: string, orderNumber: string): Promise<Lead> {
  return onLead(services, actor, scope, id, async (trx, lead) => {
    assertApplies(lead, 'mark_won')
    const order = await findOrderByNumber(trx, orderNumber)
    if (!order || !leadInScope(order, scope)) throw new AppError('invalid_request', `There is no order ${orderNumber}.`, [{ path: 'orderNumber', message: 'unknown order' }])
    if (order.status === 'cancelled') throw new AppError('invalid_request', `Order ${orderNumber} is cancelled.`, [{ path: 'orderNumber', message: 'cancelled' }])
    const set = { order_id: order.id, follow_up_on: null }
    if (!(await moveLead(services, trx, lead, 'won', { actor, action: 'mark_won' }, set, { orderNumber: order.number }))) throw changedMeanwhile(lead)
  })
}
