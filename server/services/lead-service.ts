import { randomUUID } from 'node:crypto'
import { AppError } from '../errors'
import { enqueue, OPERATIONS_ADDRESS } from '../notifications/messages'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import { insertLead } from '../repositories/leads-repository'
import { findQuote } from '../repositories/quotes-repository'
import type { LeadRequest } from '../schemas/lead'
import { managerContact } from './building-presenter'
import type { Services } from './services'

/**
 * Stores a callback request routed to the manager of the customer's building; a building without
 * a manager goes to its district's queue, a lead without a building to the unassigned queue.
 */
export async function createLead(services: Services, request: LeadRequest) {
  const quote = request.quoteId ? await findQuote(services.db, request.quoteId) : undefined
  if (request.quoteId && !quote) throw new AppError('quote_not_found', 'There is no quote with this id.', [{ path: 'quoteId', message: 'unknown quote' }])
  const buildingId = request.buildingId ?? quote?.buildingId ?? undefined
  const found = buildingId ? await findBuildingWithManager(services.db, buildingId) : undefined
  if (buildingId && !found) throw new AppError('building_not_found', 'There is no building with this id.', [{ path: 'buildingId', message: 'unknown building' }])

  const id = randomUUID()
  const now = services.now()
  const manager = found?.manager
  await services.db.transaction().execute(async (trx) => {
    await insertLead(trx, {
      id,
      source: request.source,
      company: request.company,
      contact_name: request.contact.name,
      mobile: request.contact.mobile,
      note: request.note ?? null,
      lang: request.lang,
      building_id: buildingId ?? null,
      offering_slug: request.offering ?? quote?.offering ?? null,
      quote_id: request.quoteId ?? null,
      manager_id: manager?.id ?? null,
      queue_district: found && !manager ? found.building.district : null,
      attribution_json: request.attribution ? JSON.stringify(request.attribution) : null,
      status: 'new',
      created_at: now.toISOString(),
    })
    await enqueue(
      trx,
      {
        kind: 'manager_new_lead',
        recipient: manager?.email ?? OPERATIONS_ADDRESS,
        lang: 'zh',
        payload: {
          company: request.company,
          contactName: request.contact.name,
          mobile: request.contact.mobile,
          source: request.source,
          ...(found ? { buildingName: found.building.name_zh } : {}),
          ...(request.note ? { note: request.note } : {}),
          ...(found && !manager ? { queueDistrict: found.building.district } : {}),
        },
      },
      now,
    )
  })
  return {
    id,
    manager: manager ? managerContact(manager) : null,
    queue: manager ? null : { district: found?.building.district ?? null },
  }
}
