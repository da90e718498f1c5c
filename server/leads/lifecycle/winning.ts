import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { systemActor } from '../../orders/lifecycle/context'
import type { Lead } from '../../repositories/leads-repository'
import type { OrderRow } from '../../repositories/orders-repository'
import { moveLead } from './change'
import type { LeadServices } from './context'

/**
 * A company ordered: its open leads in the scope of the order's building (the buildings of that
 * building's manager, or the building alone when it has none) with the order's credit code or contact
 * mobile are won by the order, as the system, in the order's own transaction. Answers how many.
 * `leads` are those openLeadsOfCompanyQuery found, read with the order's other reads: one that has
 * moved since keeps where it went (each transition is guarded by the status it was read in).
 */
export async function winLeadsForOrder(
  services: Pick<LeadServices, 'now'>,
  trx: Kysely<Database>,
  order: Pick<OrderRow, 'id' | 'number' | 'credit_code'>,
  leads: Lead[],
): Promise<number> {
  let won = 0
  for (const lead of leads) {
    const matchedBy = lead.credit_code === order.credit_code ? 'credit_code' : 'mobile'
    const record = { actor: systemActor, action: 'mark_won' as const, reason: `order ${order.number} placed` }
    if (await moveLead(services, trx, lead, 'won', record, { order_id: order.id, follow_up_on: null }, { orderNumber: order.number, matchedBy })) won += 1
  }
  return won
}
