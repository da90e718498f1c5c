import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Database } from '../../db/schema'

/** Statuses whose installation operations have booked into its slot (and which keep it, done or not). */
const BOOKED = ['scheduled', 'installing', 'active'] as const

export interface SlotRef {
  date: string
  slot: string
}

/** The booked installations of one district (named, or the district of a building's select). */
const bookedIn = (db: Kysely<Database>, district: string | SelectQueryBuilder<Database, 'buildings', { district: string }>) =>
  db
    .selectFrom('orders')
    .innerJoin('buildings', 'buildings.id', 'orders.building_id')
    .where('buildings.district', '=', district)
    .where('orders.status', 'in', BOOKED)

const bookedInSlot = (db: Kysely<Database>, district: Parameters<typeof bookedIn>[1], slot: SlotRef) =>
  bookedIn(db, district)
    .select((eb) => eb.fn.countAll<number | string>().as('booked'))
    .where('orders.install_date', '=', slot.date)
    .where('orders.install_slot', '=', slot.slot)

/** Installations booked in a district's half-day slot, other than `exceptOrderId`'s own (when it moves). */
export async function bookedInstalls(db: Kysely<Database>, district: string, slot: SlotRef, exceptOrderId?: string): Promise<number> {
  let query = bookedInSlot(db, district, slot)
  if (exceptOrderId !== undefined) query = query.where('orders.id', '!=', exceptOrderId)
  return Number((await query.executeTakeFirstOrThrow()).booked)
}

/** The same count for the district of a building, to be read before the building is (readInOneTrip): one row, `booked`. */
export function bookedInstallsAtBuildingQuery(db: Kysely<Database>, buildingId: string, slot: SlotRef) {
  return bookedInSlot(db, db.selectFrom('buildings').select('district').where('id', '=', buildingId), slot)
}

/** Installations booked in each of a district's slots from `from` to `to` (ISO dates, inclusive), keyed `date slot`; a slot with none is absent. */
export async function bookedInstallsBetween(db: Kysely<Database>, district: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await bookedIn(db, district)
    .select(['orders.install_date', 'orders.install_slot', (eb) => eb.fn.countAll<number | string>().as('booked')])
    .where('orders.install_date', '>=', from)
    .where('orders.install_date', '<=', to)
    .groupBy(['orders.install_date', 'orders.install_slot'])
    .execute()
  return new Map(rows.map((row) => [`${row.install_date} ${row.install_slot}`, Number(row.booked)]))
}

/**
 * Holds a district's half-day until the transaction ends, so that bookers of the same slot count
 * and book one after the other: counting and then booking is otherwise a race on PostgreSQL (read
 * committed), where two transactions both count 7 of 8 and both book the last seat.
 *
 * The slot's lock row is made if missing (`on conflict do nothing`: a second maker waits for the
 * first to commit, then does nothing) and then updated, which on PostgreSQL takes its row lock
 * until commit; the next booker's update waits there and, read committed, its count afterwards
 * sees the booking just committed. On SQLite every write transaction already holds the database's
 * write lock from `begin immediate` (db/connect.ts), so the row costs one write and changes nothing.
 * The same Kysely SQL on both databases; rather than `select … for update` (not SQLite), advisory
 * locks (PostgreSQL only), serializable transactions (a retry loop around every command) or a
 * booked-count column (a second truth beside the orders, to keep right through every cancel and move).
 */
export async function lockInstallSlot(trx: Kysely<Database>, district: string, slot: SlotRef, at: Date): Promise<void> {
  const lockedAt = at.toISOString()
  await trx
    .insertInto('install_slot_locks')
    .values({ district, install_date: slot.date, install_slot: slot.slot, locked_at: lockedAt })
    .onConflict((conflict) => conflict.columns(['district', 'install_date', 'install_slot']).doNothing())
    .execute()
  await trx
    .updateTable('install_slot_locks')
    .set({ locked_at: lockedAt })
    .where('district', '=', district)
    .where('install_date', '=', slot.date)
    .where('install_slot', '=', slot.slot)
    .execute()
}
