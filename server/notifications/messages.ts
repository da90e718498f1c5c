import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { PaymentFlag } from '../domain/order-history'
import type { ReviewReason } from '../domain/order-review'
import type { EntryOrderStatus, InitialOrderStatus } from '../domain/order-status'
import { timeOrderedId } from '../domain/time-ordered-id'
import type { EmailVisitPayload } from '../email-visits/templates'

/**
 * What the site sends by mail, as rows of the `outbox` table. Other code inserts them with
 * `enqueue` inside the transaction that makes the business change, so a message exists if and
 * only if the change was committed; the outbox worker delivers them afterwards.
 */

export type Lang = 'zh' | 'en'

/** Where work for operations goes, including managers' work for buildings that have none. */
export const OPERATIONS_ADDRESS = 'operations@example-telecom.cn'

export type InstallSlot = 'am' | 'pm'

/** The statuses an order can be created in. */
export type NewOrderStatus = InitialOrderStatus

export interface OrderConfirmationPayload {
  orderNumber: string
  companyName: string
  status: NewOrderStatus
  /** Fen. */
  amountDue: number
  /** Fen. */
  monthly: number
  /** YYYY-MM-DD. */
  installDate: string
  installSlot: InstallSlot
  trackingUrl: string
  managerName?: string
  managerPhone?: string
  /** ISO time; set while the order waits for payment: unpaid by then, it is cancelled. */
  paymentDueAt?: string
}

export interface PaymentReceivedPayload {
  orderNumber: string
  /** Fen. */
  amount: number
  trackingUrl: string
}

export interface ManagerNewOrderPayload {
  orderNumber: string
  companyName: string
  buildingName: string
  status: NewOrderStatus
  installDate: string
  installSlot: InstallSlot
  contactName: string
  contactMobile: string
  /** Fen. */
  amountDue: number
  /** Set when the building has no manager and the order went to a district queue. */
  queueDistrict?: string
}

export interface ManagerNewLeadPayload {
  company: string
  contactName: string
  mobile: string
  buildingName?: string
  source: string
  note?: string
  queueDistrict?: string
}

/** To operations: an order holds nothing until they approve or reject it. */
export interface OpsOrderReviewPayload {
  orderNumber: string
  companyName: string
  creditCode: string
  buildingName: string
  contactName: string
  contactMobile: string
  reasons: ReviewReason[]
}

/** To the customer: operations approved the order in review; it goes on in `status`. */
export interface OrderApprovedPayload {
  orderNumber: string
  /** What held the order back: a review (messages from before surveys had their own say so), or a site survey. */
  after?: 'review' | 'survey'
  status: EntryOrderStatus
  /** Fen. */
  amountDue: number
  paymentDueAt?: string
  trackingUrl: string
}

export type CancellationReason = 'not_approved' | 'unpaid' | 'payment_failed' | 'by_operations'

export interface OrderCancelledPayload {
  orderNumber: string
  reason: CancellationReason
  /** With `by_operations`: the reason operations gave, as they wrote it. */
  note?: string
  trackingUrl: string
}

/** Sent once, some working days before an unpaid order's deadline. */
export interface PaymentReminderPayload {
  orderNumber: string
  /** Fen. */
  amountDue: number
  paymentMethod: 'online' | 'invoice'
  paymentDueAt: string
  trackingUrl: string
}

/** To the address a customer typed at checkout: the one-time code that proves they read it. */
export interface EmailVerificationPayload {
  /** Which verification the code belongs to (not shown in the mail; ties the mail to its record). */
  verificationId: string
  code: string
  /** How long the code is valid. */
  validMinutes: number
}

/** To the district lead: a new lead nobody has touched for a working day (sent once). */
export interface LeadEscalatedPayload extends ManagerNewLeadPayload {
  /** ISO time the lead came in. */
  receivedAt: string
  /** The building manager it was routed to; absent for a lead in a district queue. */
  managerName?: string
  /** The lead's page in the staff console. */
  leadUrl: string
}

/** Lead notices to one manager that waited out the digest window, sent as one mail. */
export interface ManagerLeadDigestPayload {
  leads: ManagerNewLeadPayload[]
}

/** The installation booked by operations, or moved to another slot (`moved`). */
export interface InstallationScheduledPayload {
  orderNumber: string
  installDate: string
  installSlot: InstallSlot
  moved: boolean
  trackingUrl: string
}

/** Work has started on site, or the service is active: the order and where to follow it. */
export interface OrderProgressPayload {
  orderNumber: string
  trackingUrl: string
}

/** To a company's contact: the win-back code a member of staff issued for them, and where to use it. */
export interface WinBackOfferPayload {
  code: string
  /** The offer page with the code filled in, in the mail's language. */
  offerUrl: string
  /** As staff typed it: shown only as a labelled value. */
  companyName: string
  buildingName: string
  /** ISO time: the code works until then. */
  expiresAt: string
  managerName?: string
  managerPhone?: string
}

/** To a tenant's contact: the proposal a member of staff prepared with X agreed by hand. */
export interface AssistedQuoteProposalPayload {
  /** The proposal page, in the mail's language. */
  proposalUrl: string
  offeringName: string
  /** As staff typed it: shown only as a labelled value. */
  companyName: string
  buildingName: string
  /** The agreed X and month 1's bill, fen. */
  x: number
  monthly: number
  termMonths: number
  /** ISO time the quote stops being orderable. */
  expiresAt: string
  /** The staff member who prepared it. */
  preparedBy: string
  managerName?: string
  managerPhone?: string
}

export interface OpsPaymentFlaggedPayload {
  orderNumber: string
  /** Why, as data (told in the mail's language). */
  flag?: PaymentFlag
  /** Mail queued before flags were data: the reason as it was written. */
  reason?: string
}

export type OutboxMessage =
  | { kind: 'order_confirmation'; payload: OrderConfirmationPayload }
  | { kind: 'payment_received'; payload: PaymentReceivedPayload }
  | { kind: 'manager_new_order'; payload: ManagerNewOrderPayload }
  | { kind: 'manager_new_lead'; payload: ManagerNewLeadPayload }
  | { kind: 'ops_payment_flagged'; payload: OpsPaymentFlaggedPayload }
  | { kind: 'ops_order_review'; payload: OpsOrderReviewPayload }
  | { kind: 'order_approved'; payload: OrderApprovedPayload }
  | { kind: 'order_cancelled'; payload: OrderCancelledPayload }
  | { kind: 'payment_reminder'; payload: PaymentReminderPayload }
  | { kind: 'email_verification'; payload: EmailVerificationPayload }
  | { kind: 'manager_lead_digest'; payload: ManagerLeadDigestPayload }
  | { kind: 'installation_scheduled'; payload: InstallationScheduledPayload }
  | { kind: 'installation_started'; payload: OrderProgressPayload }
  | { kind: 'service_active'; payload: OrderProgressPayload }
  | { kind: 'win_back_offer'; payload: WinBackOfferPayload }
  | { kind: 'assisted_quote_proposal'; payload: AssistedQuoteProposalPayload }
  | { kind: 'lead_escalated'; payload: LeadEscalatedPayload }
  | { kind: 'email_visit'; payload: EmailVisitPayload }

export type OutboxKind = OutboxMessage['kind']

export type PayloadOf<K extends OutboxKind> = Extract<OutboxMessage, { kind: K }>['payload']

export const outboxKinds: readonly OutboxKind[] = [
  'order_confirmation',
  'payment_received',
  'manager_new_order',
  'manager_new_lead',
  'ops_payment_flagged',
  'ops_order_review',
  'order_approved',
  'order_cancelled',
  'payment_reminder',
  'email_verification',
  'manager_lead_digest',
  'installation_scheduled',
  'installation_started',
  'service_active',
  'lead_escalated',
  'win_back_offer',
  'assisted_quote_proposal',
  'email_visit',
]

/**
 * The outbox's lanes, lower first: a customer waiting for a code, a confirmation or a receipt is
 * never queued behind staff notices, nor those behind a flood of lead notices.
 */
export const outboxPriority: Record<OutboxKind, number> = {
  email_verification: 0,
  order_confirmation: 0,
  payment_received: 0,
  order_approved: 0,
  order_cancelled: 0,
  payment_reminder: 0,
  installation_scheduled: 0,
  installation_started: 0,
  service_active: 0,
  win_back_offer: 0,
  assisted_quote_proposal: 0,
  manager_new_order: 1,
  ops_order_review: 1,
  ops_payment_flagged: 1,
  lead_escalated: 1,
  manager_new_lead: 2,
  manager_lead_digest: 2,
  // Marketing mail goes last, and throttled (outbox-worker.ts): a visit to thousands never delays anything else.
  email_visit: 3,
}

/** The default of EMAIL_VISIT_RATE_PER_MINUTE: well inside what a mail provider takes from one sender. */
export const DEFAULT_EMAIL_VISITS_PER_MINUTE = 60

export function isOutboxKind(kind: string): kind is OutboxKind {
  return (outboxKinds as readonly string[]).includes(kind)
}

export type EnqueuedMessage = OutboxMessage & { recipient: string; lang: Lang }

/**
 * Inserts one pending message, due at once (or at `dueAt`, e.g. an e-mail visit's send time). Pass the
 * transaction (`trx`) of the business change so that the message commits or rolls back with it.
 */
export async function enqueue(db: Kysely<Database>, message: EnqueuedMessage, now: Date, dueAt: Date = now): Promise<void> {
  await outboxInsert(db, [message], now, dueAt).execute()
}

/** The insert of pending messages (at least one), for writing them with the change they tell of (one-trip-writes.ts). */
export function outboxInsert(db: Kysely<Database>, messages: EnqueuedMessage[], now: Date, dueAt: Date = now) {
  const at = now.toISOString()
  const rows = messages.map((message) => ({
    id: timeOrderedId(),
    kind: message.kind,
    recipient: message.recipient,
    lang: message.lang,
    payload_json: JSON.stringify(message.payload),
    status: 'pending' as const,
    priority: outboxPriority[message.kind],
    attempts: 0,
    next_attempt_at: dueAt.toISOString(),
    last_error: null,
    sent_at: null,
    created_at: at,
  }))
  return db.insertInto('outbox').values(rows)
}
