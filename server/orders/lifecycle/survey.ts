import { liveWorkStatuses } from '../../domain/work-orders'
import type { PortCounts } from '../../domain/ports-needed'
import { recordAudit } from '../../repositories/audit-repository'
import { releasePorts, type OrderRow } from '../../repositories/orders-repository'
import { notAllowed } from './change'
import { onOrder, type LifecycleServices, type OrderActor } from './context'
import { orderDelivery } from './delivery'
import { proceedToFulfilment } from './proceed'

/**
 * Operations record a site survey's result for an order that waited for one: the free ports the
 * survey added to the building (audited on the building), the survey's work order done, and the
 * order goes on as a placed one would, holding its ports and owing its one-time charges by a deadline
 * that runs from now. Refused (problem `ports`) when the building still has too few for it.
 */
export async function completeSurvey(services: LifecycleServices, actor: OrderActor, number: string, survey: { added: PortCounts; note?: string }): Promise<OrderRow> {
  return onOrder(services, number, async (trx, order) => {
    if (order.status !== 'survey_required') throw notAllowed(order, 'complete_survey')
    const { quote, delivered, ports } = await orderDelivery(services, trx, order)
    const { fibre, voice } = survey.added
    if (fibre > 0 || voice > 0) {
      // New capacity joins the building's free ports, as ports an order gives back do.
      await releasePorts(trx, order.building_id, fibre, voice)
      await recordAudit(trx, { actor, action: 'building.ports_added', subject: { kind: 'building', id: order.building_id }, after: { fibrePorts: fibre, voicePorts: voice, order: order.number }, reason: survey.note }, services.now())
    }
    await trx.updateTable('work_orders').set({ status: 'done' }).where('order_id', '=', order.id).where('kind', '=', 'site_survey').where('status', 'in', liveWorkStatuses).execute()
    await proceedToFulfilment(services, trx, order, { actor, action: 'complete_survey', reason: survey.note }, { delivered, ports, amountDue: quote.oneTime.total, allowSurvey: false })
  })
}
