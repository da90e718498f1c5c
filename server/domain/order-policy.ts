import { addWorkingDays } from './working-days'

/**
 * How long and how much an order may hold of a building's scarce ports without a person looking at
 * it. Read from the settings (server/config.ts); the defaults are the operator's.
 */
export interface OrderPolicy {
  /** An order taking more than this share (percent) of a building's free ports of a kind goes to review. */
  reviewPortSharePercent: number
  /** Working days (Mon–Fri, Shanghai) an order has to pay before it is cancelled and its ports released. */
  paymentDeadlineWorkingDays: number
  /** Working days after the order when the customer is reminded to pay, once. */
  paymentReminderWorkingDays: number
  /** Installations operations may book in one district in one half-day slot (crews are per district). */
  installCapacityPerHalfDay: number
}

export const defaultOrderPolicy: OrderPolicy = {
  reviewPortSharePercent: 25,
  paymentDeadlineWorkingDays: 5,
  paymentReminderWorkingDays: 3,
  installCapacityPerHalfDay: 8,
}

/** When an order that starts waiting for payment `from` then must be paid, and when it is reminded. */
export function paymentDeadlines(policy: OrderPolicy, from: Date): { paymentDueAt: Date; reminderAt: Date } {
  return { paymentDueAt: addWorkingDays(from, policy.paymentDeadlineWorkingDays), reminderAt: addWorkingDays(from, policy.paymentReminderWorkingDays) }
}
