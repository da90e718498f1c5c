import { enqueue, OPERATIONS_ADDRESS } from '../../notifications/messages'
import { leadNotice } from '../lead-notice'
import { systemActor } from '../../orders/lifecycle/context'
import { claimEscalation, districtLead, type Lead } from '../../repositories/leads-repository'
import { auditLead } from './change'
import type { LeadServices } from './context'

/** The console page of a lead, for mail. */
export const leadConsoleUrl = (siteUrl: string, id: string) => `${siteUrl}/console/leads/${id}`

/**
 * An untouched new lead has waited a working day: the district lead is told, once (the claim is
 * guarded, so a lead touched meanwhile or escalated by another process is left alone). A district
 * without a lead, or a lead without a district, goes to operations. False when nothing was done.
 */
export async function escalateLead(services: LeadServices, lead: Lead): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const at = services.now().toISOString()
    if (!(await claimEscalation(trx, lead.id, at))) return false
    const building = lead.building_id ? await trx.selectFrom('buildings').select(['name_zh', 'district']).where('id', '=', lead.building_id).executeTakeFirst() : undefined
    const manager = lead.manager_id ? await trx.selectFrom('building_managers').select('name').where('id', '=', lead.manager_id).executeTakeFirst() : undefined
    const district = building?.district ?? lead.queue_district
    const head = district ? await districtLead(trx, district) : undefined
    await auditLead(services, trx, lead, { actor: systemActor, action: 'escalate' }, { escalatedAt: null }, { escalatedAt: at, to: head?.id ?? 'operations' })
    await enqueue(
      trx,
      {
        kind: 'lead_escalated',
        recipient: head?.email ?? OPERATIONS_ADDRESS,
        lang: 'zh',
        payload: {
          ...leadNotice(lead, { buildingName: building?.name_zh, queueDistrict: manager ? null : district }),
          ...(manager ? { managerName: manager.name } : {}),
          receivedAt: lead.created_at,
          leadUrl: leadConsoleUrl(services.siteUrl, lead.id),
        },
      },
      services.now(),
    )
    return true
  })
}
