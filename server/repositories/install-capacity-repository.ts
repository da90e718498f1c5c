import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** Statuses whose installation operations have booked into its slot (and which keep it, done or not). */
const BOOKED = ['scheduled', 'installing', 'active'] as const

/** Installations booked in a district's half-day slot, other than `exceptOrderId`'s own (when it moves). */
export async function bookedInstalls(db: Kysely<Database>, district: string, slot: { date: string; slot: string }, exceptOrderId: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .innerJoin('buildings', 'buildings.id', 'orders.building_id')
    .select((eb) => eb.fn.countAll<number | string>().as('booked'))
    .where('buildings.district', '=', district)
    .where('orders.install_date', '=', slot.date)
    .where('orders.install_slot', '=', slot.slot)
    .where('orders.status', 'in', BOOKED)
    .where('orders.id', '!=', exceptOrderId)
    .executeTakeFirstOrThrow()
  return Number(row.booked)
}
