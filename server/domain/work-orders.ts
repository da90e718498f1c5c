/**
 * An order's fulfilment work: a visit to install lines and broadband, SIM cards to deliver, or a
 * survey when the building has no free port. Each waits for payment, is open, booked, under way,
 * done, or cancelled with its order.
 */
export const workOrderKinds = ['site_installation', 'sim_delivery', 'site_survey'] as const

export type WorkOrderKind = (typeof workOrderKinds)[number]

export const workOrderStatuses = ['waiting_for_payment', 'open', 'scheduled', 'in_progress', 'done', 'cancelled'] as const

export type WorkOrderStatus = (typeof workOrderStatuses)[number]

/** The work that is not done yet: a cancelled or finished work order is left as it is. */
export const liveWorkStatuses = ['waiting_for_payment', 'open', 'scheduled', 'in_progress'] as const satisfies readonly WorkOrderStatus[]
