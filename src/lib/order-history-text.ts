import { describeFlaggedReason, readEventNote, type OrderEventFacts } from '../../server/domain/order-history'
import { describeReviewReason, type ReviewReason } from '../../server/domain/order-review'
import { formatDate } from '../../server/format-date'
import { formatYuan } from '../../server/pricing/money'
import { auditFactsText, isDay, momentText, oneOf, recordedValueText, said } from './audit-facts-text'
import { consoleOrdersText } from './console-orders-text'
import { invoiceText } from './invoice-text'
import type { Lang } from './lang'

/**
 * An order's history as staff read it, in the page's language: the timeline's actions with their
 * parameters and the audit log's facts. Dates are days and Beijing times, never stored timestamps;
 * codes are words. A person's reason is shown as they wrote it, and a note written before actions
 * were stored as data is shown as it was written.
 */

/** A visit's day and slot: "Tue 24 Nov 2026 afternoon" / "2026年11月24日 周二 下午". */
export function visitText(date: string | null, slot: string | null, lang: Lang): string {
  const text = consoleOrdersText[lang]
  const day = date ? formatDate(date, lang, { weekday: true }) : ''
  const part = slot === 'am' || slot === 'pm' ? text.slots[slot] : ''
  return [day, part].filter(Boolean).join(lang === 'zh' ? ' ' : ', ') || '—'
}

function factsText(facts: OrderEventFacts, lang: Lang): string {
  const text = consoleOrdersText[lang]
  const history = text.history
  const what =
    facts.action === 'extend_payment_deadline' && facts.until
      ? history.deadline(momentText(facts.until, lang))
      : facts.action === 'schedule' && facts.installDate
        ? history.booked(formatDate(facts.installDate, lang, { weekday: true }), facts.installSlot ? text.slots[facts.installSlot] : '')
        : facts.action === 'mark_paid' && facts.paidBy
          ? history.paidBy[facts.paidBy]
          : facts.action === 'expire_unpaid'
            ? history.expired
            : facts.action === 'payment_failed'
              ? history.paymentFailed
              : text.auditActions[facts.action]
  const label = facts.action === 'approve' || facts.action === 'complete_survey' ? history.note : history.reason
  return facts.reason ? `${what} · ${said(label, facts.reason, lang)}` : what
}

/** A timeline entry's note: the action and its parameters in words, or an older note as it was written. */
export function timelineNoteText(note: string | null, lang: Lang): string | null {
  const read = readEventNote(note)
  return read === null || typeof read === 'string' ? read : factsText(read, lang)
}

/** One recorded fact in words; keys of the lifecycle's and the invoice's audit rows are named, others shown as recorded. */
function factText(key: string, value: unknown, lang: Lang): string {
  const text = consoleOrdersText[lang]
  const history = text.history
  const invoice = invoiceText(lang)
  const named = (names: Record<string, string>) => oneOf(names, value, lang)
  switch (key) {
    case 'status':
      return said(history.facts.status, value === null ? '—' : named(text.statuses), lang)
    case 'fibrePorts':
    case 'voicePorts':
      return said(history.facts[key], recordedValueText(value, lang), lang)
    case 'released': {
      const ports = value as { fibrePorts?: number; voicePorts?: number } | null
      return said(history.facts.released, history.ports(ports?.fibrePorts ?? 0, ports?.voicePorts ?? 0), lang)
    }
    case 'reviewReasons':
      return said(history.facts.reviewReasons, Array.isArray(value) ? (value as ReviewReason[]).map((reason) => describeReviewReason(reason, lang)).join(lang === 'zh' ? '；' : '; ') : recordedValueText(value, lang), lang)
    case 'amountFen':
      return said(history.facts.amountFen, typeof value === 'number' ? formatYuan(value, lang) : recordedValueText(value, lang), lang)
    case 'paidBy':
      return said(history.facts.paidBy, named(history.paidBy), lang)
    case 'stripeSession':
      return said(history.facts.stripeSession, recordedValueText(value, lang), lang)
    case 'installDate':
      return said(history.facts.installDate, isDay(value) ? formatDate(value, lang, { weekday: true }) : recordedValueText(value, lang), lang)
    case 'installSlot':
      return said(history.facts.installSlot, named(text.slots), lang)
    case 'why':
      return said(history.facts.why, named(history.why), lang)
    case 'paymentDueAt':
    case 'paymentReminderAt':
      return said(history.facts[key], recordedValueText(value, lang), lang)
    case 'flaggedReason':
      return said(history.facts.flaggedReason, describeFlaggedReason(value, lang) ?? '—', lang)
    case 'resolution':
      return said(history.facts.resolution, named({ accept_payment: text.actions.acceptPayment, refunded: text.actions.refunded }), lang)
    case 'kind':
      return said(invoice.labels.kind, named(invoice.kinds), lang)
    case 'title':
    case 'taxpayerId':
    case 'address':
    case 'phone':
    case 'bank':
    case 'account':
      return said(invoice.labels[key], recordedValueText(value, lang), lang)
    default:
      return said(key, recordedValueText(value, lang), lang)
  }
}

/** An order's audit row's before or after as lines of facts ("State: Paid", "Amount: ¥300.00"); none for an empty one. */
export const orderAuditFactsText = (values: unknown, lang: Lang): string[] => auditFactsText(values, lang, (key, value) => factText(key, value, lang))
