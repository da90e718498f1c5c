import { installSlotKinds, type InstallSlotKind } from './install-slots'
import { formatYuan } from '../pricing/money'

/**
 * What is done to an order, as data rather than prose: the lifecycle's actions (one closed list),
 * the facts each leaves on the order's timeline, and why a payment was flagged. Pages and mail put
 * them into the reader's language when they show them; a person's reason is kept as they wrote it.
 */
export const orderActions = [
  'place',
  'approve',
  'reject',
  'complete_survey',
  'mark_paid',
  'schedule',
  'reschedule',
  'start_install',
  'activate',
  'cancel',
  'expire_unpaid',
  'payment_failed',
  'extend_payment_deadline',
  'remind_payment',
  'flag_payment',
  'resolve_flagged_payment',
] as const

export type OrderAction = (typeof orderActions)[number]

/** Everything the audit log records about an order: its lifecycle and the invoice's corrections. */
export const orderAuditActions = [...orderActions, 'order.invoice_details_changed'] as const

export type OrderAuditAction = (typeof orderAuditActions)[number]

/** How a payment came to be taken: Stripe's report, a transfer staff recorded, a flagged payment operations accepted. */
export const paymentRoutes = ['stripe', 'bank_transfer', 'flagged_payment_accepted'] as const

export type PaymentRoute = (typeof paymentRoutes)[number]

/** One entry of the order's timeline beyond its status: the action and its parameters. */
export interface OrderEventFacts {
  action: OrderAction
  /** A person's words (a cancellation's reason, an approval's note), as they wrote them. */
  reason?: string
  /** A payment deadline's new instant (extend_payment_deadline). */
  until?: string
  /** The visit booked (schedule). */
  installDate?: string
  installSlot?: InstallSlotKind
  /** How the order was paid (mark_paid). */
  paidBy?: PaymentRoute
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value)
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The text stored in order_events.note for these facts. */
export const eventNote = (facts: OrderEventFacts): string => JSON.stringify(facts)

/**
 * A stored note read back: the facts when it has the structure `eventNote` writes, otherwise the
 * note as it was written (timelines from before the actions were stored as data hold free text).
 */
export function readEventNote(note: string | null): OrderEventFacts | string | null {
  if (note === null || note === '') return null
  let value: unknown
  try {
    value = JSON.parse(note)
  } catch {
    return note
  }
  if (!isRecord(value) || !isOneOf(orderActions, value.action)) return note
  const { reason, until, installDate, installSlot, paidBy } = value
  const valid =
    (reason === undefined || typeof reason === 'string') &&
    (until === undefined || (typeof until === 'string' && INSTANT.test(until))) &&
    (installDate === undefined || (typeof installDate === 'string' && CALENDAR_DAY.test(installDate))) &&
    (installSlot === undefined || isOneOf(installSlotKinds, installSlot)) &&
    (paidBy === undefined || isOneOf(paymentRoutes, paidBy))
  if (!valid) return note
  const facts: OrderEventFacts = { action: value.action }
  if (reason !== undefined) facts.reason = reason as string
  if (until !== undefined) facts.until = until as string
  if (installDate !== undefined) facts.installDate = installDate as string
  if (installSlot !== undefined) facts.installSlot = installSlot as InstallSlotKind
  if (paidBy !== undefined) facts.paidBy = paidBy as PaymentRoute
  return facts
}

/** Why operations must look at a payment before it counts. */
export type PaymentFlag =
  /** Stripe reports another amount or currency than the order is due. */
  | { kind: 'amount_mismatch'; paidFen: number | null; paidCurrency: string | null; dueFen: number; dueCurrency: string }
  /** A payment of a Checkout session that is not the order's own. */
  | { kind: 'foreign_session'; session: string }
  /** Paid after the order was cancelled: refund it or reinstate the order. */
  | { kind: 'paid_after_cancellation'; session: string }

/** The text stored in orders.flagged_reason. */
export const flagNote = (flag: PaymentFlag): string => JSON.stringify(flag)

/** A flag as stored (text) or audited (the object): the flag, or older free text as it was written. */
export function readPaymentFlag(value: unknown): PaymentFlag | string | null {
  if (value === null || value === undefined || value === '') return null
  let flag: unknown = value
  if (typeof value === 'string') {
    try {
      flag = JSON.parse(value)
    } catch {
      return value
    }
  }
  const fallback = typeof value === 'string' ? value : JSON.stringify(value)
  if (!isRecord(flag)) return fallback
  const amount = (fen: unknown) => fen === null || Number.isSafeInteger(fen)
  const currency = (code: unknown) => code === null || typeof code === 'string'
  if (flag.kind === 'amount_mismatch' && amount(flag.paidFen) && currency(flag.paidCurrency) && Number.isSafeInteger(flag.dueFen) && typeof flag.dueCurrency === 'string') {
    return flag as PaymentFlag
  }
  if ((flag.kind === 'foreign_session' || flag.kind === 'paid_after_cancellation') && typeof flag.session === 'string') return flag as PaymentFlag
  return fallback
}

/** An amount in its currency: yuan as everywhere, another currency (a misconfigured payment) by its code. */
function money(fen: number | null, currency: string | null, lang: 'zh' | 'en'): string {
  if (fen === null) return lang === 'zh' ? '未知金额' : 'an unknown amount'
  if (currency === null || currency.toLowerCase() === 'cny') return formatYuan(fen, lang)
  return `${(fen / 100).toFixed(2)} ${currency.toUpperCase()}`
}

/** For operations' mail and the console (operations read Chinese and English). */
export function describePaymentFlag(flag: PaymentFlag, lang: 'zh' | 'en'): string {
  switch (flag.kind) {
    case 'amount_mismatch': {
      const paid = money(flag.paidFen, flag.paidCurrency, lang)
      const due = money(flag.dueFen, flag.dueCurrency, lang)
      return lang === 'zh' ? `Stripe 报告实付 ${paid}，应付 ${due}，金额不符` : `Stripe reports ${paid} paid; ${due} is due`
    }
    case 'foreign_session':
      return lang === 'zh' ? `付款（Stripe ${flag.session}）不属于本订单的支付页面` : `The payment (Stripe ${flag.session}) is not from this order's checkout`
    case 'paid_after_cancellation':
      return lang === 'zh'
        ? `订单取消后才收到付款（Stripe ${flag.session}）：请退款或恢复订单`
        : `Paid after the order was cancelled (Stripe ${flag.session}): refund it or reinstate the order`
  }
}

/** A flag as stored or audited, in words: the flag told in `lang`, older free text as it was written; null for none. */
export function describeFlaggedReason(value: unknown, lang: 'zh' | 'en'): string | null {
  const flag = readPaymentFlag(value)
  return flag === null || typeof flag === 'string' ? flag : describePaymentFlag(flag, lang)
}
