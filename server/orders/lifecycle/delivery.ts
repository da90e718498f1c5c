import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { portsNeeded, type PortCounts } from '../../domain/ports-needed'
import type { RequestedComponent } from '../../domain/serviceability'
import { findQuote } from '../../repositories/quotes-repository'
import type { OrderRow } from '../../repositories/orders-repository'
import type { Quote } from '../../schemas/quote'
import { deliveredComponents } from '../../services/serviceability-service'
import type { LifecycleServices } from './context'

/** What an order delivers and the building's ports it takes, from the quote it was placed with. */
export async function orderDelivery(
  services: Pick<LifecycleServices, 'catalogs'>,
  trx: Kysely<Database>,
  order: Pick<OrderRow, 'number' | 'quote_id'>,
): Promise<{ quote: Quote; delivered: RequestedComponent[]; ports: PortCounts }> {
  const quote = await findQuote(trx, order.quote_id)
  if (!quote) throw new Error(`order ${order.number} names quote ${order.quote_id}, which is missing`)
  const catalog = await services.catalogs.byVersion(quote.catalogVersion)
  const offering = catalog.offerings.get(quote.offering)
  if (!offering) throw new Error(`catalog ${catalog.version} has no offering ${quote.offering}, which quote ${quote.id} was priced with`)
  const delivered = deliveredComponents(catalog, offering, quote.items, quote.options)
  return { quote, delivered, ports: portsNeeded(delivered) }
}

/** The ports the order needs beyond the building's free ones: what a survey must add for it. */
export async function portsLacking(services: Pick<LifecycleServices, 'catalogs' | 'db'>, order: Pick<OrderRow, 'number' | 'quote_id' | 'building_id'>): Promise<PortCounts> {
  const { ports } = await orderDelivery(services, services.db, order)
  const free = await services.db.selectFrom('buildings').select(['free_fibre_ports', 'free_voice_ports']).where('id', '=', order.building_id).executeTakeFirstOrThrow()
  return { fibre: Math.max(0, ports.fibre - free.free_fibre_ports), voice: Math.max(0, ports.voice - free.free_voice_ports) }
}
