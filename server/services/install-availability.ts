import type { Kysely } from 'kysely'
import type { BuildingRow, Database } from '../../db/schema'
import { installDays, withRoom, type InstallDay } from '../domain/install-slots'
import { AppError } from '../errors'
import { bookedInstalls, bookedInstallsBetween, type SlotRef } from '../repositories/install-capacity-repository'

/**
 * The installation days a building offers now with a crew of its district still free: a full slot
 * is not offered, a day whose slots are all full is left out. What checkout shows the customer.
 */
export async function availableInstallDays(db: Kysely<Database>, now: Date, building: Pick<BuildingRow, 'district' | 'same_day_install'>, capacity: number): Promise<InstallDay[]> {
  const days = installDays(now, building.same_day_install === 1)
  if (days.length === 0) return days
  const booked = await bookedInstallsBetween(db, building.district, days[0].date, days.at(-1)!.date)
  return withRoom(days, (date, slot) => booked.get(`${date} ${slot}`) ?? 0, capacity)
}

/**
 * Refuses a slot whose district's crews are fully booked (422 install_slot_unavailable, the issue
 * at `path` saying `full`), not counting `exceptOrderId`'s own booking when it moves.
 */
export async function assertInstallSlotFree(db: Kysely<Database>, district: string, slot: SlotRef, capacity: number, path: string, exceptOrderId?: string): Promise<void> {
  assertRoomInSlot(await bookedInstalls(db, district, slot, exceptOrderId), capacity, district, slot, path)
}

/** The same refusal for a count read already. */
export function assertRoomInSlot(booked: number, capacity: number, district: string, slot: SlotRef, path: string): void {
  if (booked >= capacity) {
    throw new AppError('install_slot_unavailable', `The ${district} crews are fully booked on ${slot.date} ${slot.slot}.`, [{ path, message: 'full' }])
  }
}
