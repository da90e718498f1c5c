/**
 * The lead's life, one module: every change of a lead after it is created is one of these commands,
 * checked against the transition table (server/domain/lead-status.ts), run in one transaction with
 * its effects (notes, follow-up date, the winning order, mail) and an audit row. The console, the SLA
 * job and order placement only issue commands.
 */
export { addNote, contact, markLost, markWon, qualify, setFollowUp } from './commands'
export { leadNotFound, type LeadActor, type LeadServices } from './context'
export { escalateLead, leadConsoleUrl } from './escalation'
export { winLeadsForOrder } from './winning'
