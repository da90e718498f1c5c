/**
 * The order's life, one module: every change of an order after it is placed is one of these
 * commands, checked against the transition table (server/domain/order-status.ts), run in one
 * transaction with its effects (ports, work orders, mail, timeline) and an audit row. Payments,
 * the unpaid-orders job, the command line and the console only issue commands.
 */
export { cancel, cancelOrder, expireUnpaid } from './cancellation'
export { customerActor, stripeActor, systemActor, type LifecycleServices, type OrderActor } from './context'
export { place, type PlacedOrder, type Placement } from './placement'
export { approve, reject } from './review'
export { completeSurvey } from './survey'
export { activate, reschedule, schedule, startInstall, type InstallSlot } from './installation'
export { flagPayment, flagResolutions, markPaid, recordTransfer, resolveFlaggedPayment, type FlagResolution } from './payment'
export { extendPaymentDeadline, remindUnpaid } from './payment-deadline'
