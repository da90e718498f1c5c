import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { AppError } from '../errors'
import { findOrderByNumber, type OrderRow } from '../repositories/orders-repository'

/** An order for the holder of its tracking token; anyone else learns nothing, not even that it exists. */
export async function orderForToken(db: Kysely<Database>, number: string, token: string | undefined): Promise<OrderRow> {
  const order = await findOrderByNumber(db, number)
  const expected = Buffer.from(order?.tracking_token ?? '')
  const given = Buffer.from(token ?? '')
  if (!order || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('order_not_found', 'There is no order with this number and token.')
  }
  return order
}
