import { addWorkingDays } from './working-days'

/**
 * When an order in fulfilment is late: paid (or confirmed) and still unscheduled once a working day
 * has passed since it got there, or scheduled and its installation slot over without work starting.
 * Slots end at 12:00 (morning) and 18:00 (afternoon), Shanghai time.
 */
export const lateKinds = ['unscheduled', 'past_slot'] as const
export type LateKind = (typeof lateKinds)[number]

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const SLOT_END_HOUR = { am: 12, pm: 18 } as const

export interface SlaThresholds {
  /** A paid or confirmed order that got there at or before this instant is late unscheduled. */
  unscheduledSince: string
  /** Shanghai date today: a slot on an earlier day is over. */
  today: string
  /** Today's slots that are over already. */
  slotsOverToday: ('am' | 'pm')[]
}

/** The thresholds at `now`, so the queue's SQL filter and each row's flag agree. */
export function slaThresholds(now: Date): SlaThresholds {
  // The latest instant a working day after which is not later than now (addWorkingDays is monotone).
  let since = new Date(now.getTime() - DAY_MS)
  while (addWorkingDays(since, 1).getTime() > now.getTime()) since = new Date(since.getTime() - DAY_MS)
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
  const hour = local.getUTCHours()
  return {
    unscheduledSince: since.toISOString(),
    today: local.toISOString().slice(0, 10),
    slotsOverToday: (['am', 'pm'] as const).filter((slot) => hour >= SLOT_END_HOUR[slot]),
  }
}

export function lateness(order: { status: string; enteredStatusAt: string; installDate: string; installSlot: string }, thresholds: SlaThresholds): LateKind | null {
  if ((order.status === 'paid' || order.status === 'confirmed') && order.enteredStatusAt <= thresholds.unscheduledSince) return 'unscheduled'
  const slotOver = order.installDate < thresholds.today || (order.installDate === thresholds.today && (thresholds.slotsOverToday as string[]).includes(order.installSlot))
  if (order.status === 'scheduled' && slotOver) return 'past_slot'
  return null
}
