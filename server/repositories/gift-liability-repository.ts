import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

export interface GiftLiabilityOrderRow {
  offering_slug: string
  catalog_version: string
  /** The priced quote as stored: its gifts and monthly care budget are what the report counts. */
  quote_json: string
  /** When it was placed (a first-month credit is granted then). */
  created_at: string
  /** YYYY-MM-DD, Shanghai: the booked installation day. */
  install_date: string
  /** When it became active (its `active` event), if it has. */
  activated_at: string | null
}

/**
 * The orders that can carry a gift or credit into a report ending at `placedBefore`: placed before
 * it and not cancelled (a cancelled order never went live: `active` is terminal). Plain SQL of both
 * databases: a correlated MIN for the activation, no JSON functions (the quote is read in code).
 */
export async function giftLiabilityOrders(db: Kysely<Database>, placedBefore: string): Promise<GiftLiabilityOrderRow[]> {
  return db
    .selectFrom('orders')
    .innerJoin('quotes', 'quotes.id', 'orders.quote_id')
    .select((eb) => [
      'quotes.offering_slug',
      'quotes.catalog_version',
      'quotes.quote_json',
      'orders.created_at',
      'orders.install_date',
      eb
        .selectFrom('order_events')
        .select((inner) => inner.fn.min('order_events.created_at').as('at'))
        .whereRef('order_events.order_id', '=', 'orders.id')
        .where('order_events.status', '=', 'active')
        .as('activated_at'),
    ])
    .where('orders.status', '<>', 'cancelled')
    .where('orders.created_at', '<', placedBefore)
    .orderBy('orders.created_at')
    .orderBy('orders.id')
    .execute() as Promise<GiftLiabilityOrderRow[]>
}
