import { randomUUID } from 'node:crypto'
import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { AppError } from '../errors'
import { leadNotice } from '../leads/lead-notice'
import { enqueue, OPERATIONS_ADDRESS } from '../notifications/messages'
import { findBuildingWithManager, type BuildingWithManager } from '../repositories/buildings-repository'
import { insertLead } from '../repositories/leads-repository'
import { findQuote } from '../repositories/quotes-repository'
import type { LeadRequest } from '../schemas/lead'
import { managerContact } from './building-presenter'
import type { Services } from './services'

/** A lead as it comes in, before it is routed. */
export type IncomingLead = Omit<Insertable<Database['leads']>, 'id' | 'manager_id' | 'queue_district' | 'building_id' | 'status' | 'created_at'>

/**
 * Stores a new lead routed to the manager of its building (`found`); a building without a manager
 * sends it to its district's queue, a lead without a building to the unassigned queue. The manager (or
 * operations) is told in the same transaction. Answers its id.
 */
export async function insertRoutedLead(services: Pick<Services, 'now'>, trx: Kysely<Database>, lead: IncomingLead, found: BuildingWithManager | undefined): Promise<string> {
  const id = randomUUID()
  const now = services.now()
  const manager = found?.manager
  const queueDistrict = found && !manager ? found.building.district : null
  await insertLead(trx, {
    ...lead,
    id,
    building_id: found?.building.id ?? null,
    manager_id: manager?.id ?? null,
    queue_district: queueDistrict,
    status: 'new',
    created_at: now.toISOString(),
  })
  const payload = leadNotice({ ...lead, note: lead.note ?? null }, { buildingName: found?.building.name_zh, queueDistrict })
  await enqueue(trx, { kind: 'manager_new_lead', recipient: manager?.email ?? OPERATIONS_ADDRESS, lang: 'zh', payload }, now)
  return id
}

/** Stores a callback request (the storefront's forms and API), routed to the manager of the customer's building. */
export async function createLead(services: Services, request: LeadRequest) {
  const quote = request.quoteId ? await findQuote(services.db, request.quoteId) : undefined
  if (request.quoteId && !quote) throw new AppError('quote_not_found', 'There is no quote with this id.', [{ path: 'quoteId', message: 'unknown quote' }])
  const buildingId = request.buildingId ?? quote?.buildingId ?? undefined
  const found = buildingId ? await findBuildingWithManager(services.db, buildingId) : undefined
  if (buildingId && !found) throw new AppError('building_not_found', 'There is no building with this id.', [{ path: 'buildingId', message: 'unknown building' }])

  const id = await services.db.transaction().execute((trx) =>
    insertRoutedLead(
      services,
      trx,
      {
        source: request.source,
        company: request.company,
        contact_name: request.contact.name,
        mobile: request.contact.mobile,
        note: request.note ?? null,
        lang: request.lang,
        offering_slug: request.offering ?? quote?.offering ?? null,
        quote_id: request.quoteId ?? null,
        attribution_json: request.attribution ? JSON.stringify(request.attribution) : null,
      },
      found,
    ),
  )
  const manager = found?.manager
  return {
    id,
    manager: manager ? managerContact(manager) : null,
    queue: manager ? null : { district: found?.building.district ?? null },
  }
}
