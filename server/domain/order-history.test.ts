import { describe, expect, it } from 'vitest'
import { describeFlaggedReason, describePaymentFlag, eventNote, flagNote, readEventNote, readPaymentFlag } from './order-history'

describe('order history as data', () => {
  it('reads back the facts it stored, and any other note as it was written', () => {
    const facts = { action: 'extend_payment_deadline', until: '2026-12-01T10:00:00.000Z', reason: 'transfer on its way' } as const
    expect(readEventNote(eventNote(facts))).toEqual(facts)
    expect(readEventNote(eventNote({ action: 'schedule', installDate: '2026-11-24', installSlot: 'pm' }))).toEqual({ action: 'schedule', installDate: '2026-11-24', installSlot: 'pm' })
    // Timelines written before actions were data hold free text: shown as written.
    for (const old of ['payment deadline extended to 2026-12-01T10:00:00.000Z: transfer on its way', 'cancel: 客户搬迁', 'bank transfer recorded', 'mark_paid: stripe cs_test_1']) {
      expect(readEventNote(old)).toBe(old)
    }
    // Text that merely looks like data is still text: an unknown action, a bad date, a list, a number.
    for (const odd of ['{"action":"teleport"}', '{"action":"schedule","installDate":"24/11/2026"}', '{"action":"extend_payment_deadline","until":"soon"}', '["cancel"]', '42', '{']) {
      expect(readEventNote(odd)).toBe(odd)
    }
    expect(readEventNote(null)).toBeNull()
    expect(readEventNote('')).toBeNull()
    // Keys it does not know are not carried along.
    expect(readEventNote('{"action":"cancel","reason":"moved","html":"<b>"}')).toEqual({ action: 'cancel', reason: 'moved' })
  })

  it('tells a payment flag in Chinese and English, and older free-text flags as written', () => {
    const mismatch = { kind: 'amount_mismatch', paidFen: 29_900, paidCurrency: 'cny', dueFen: 30_000, dueCurrency: 'CNY' } as const
    expect(readPaymentFlag(flagNote(mismatch))).toEqual(mismatch)
    expect(readPaymentFlag(mismatch)).toEqual(mismatch)
    expect(describePaymentFlag(mismatch, 'zh')).toBe('Stripe 报告实付 ¥299.00，应付 ¥300.00，金额不符')
    expect(describePaymentFlag(mismatch, 'en')).toBe('Stripe reports ¥299.00 paid; ¥300.00 is due')
    expect(describePaymentFlag({ ...mismatch, paidCurrency: 'usd' }, 'en')).toBe('Stripe reports 299.00 USD paid; ¥300.00 is due')
    expect(describePaymentFlag({ ...mismatch, paidFen: null }, 'zh')).toBe('Stripe 报告实付 未知金额，应付 ¥300.00，金额不符')
    expect(describeFlaggedReason(flagNote({ kind: 'paid_after_cancellation', session: 'cs_test_9' }), 'zh')).toBe('订单取消后才收到付款（Stripe cs_test_9）：请退款或恢复订单')
    expect(describeFlaggedReason({ kind: 'foreign_session', session: 'cs_test_8' }, 'en')).toBe("The payment (Stripe cs_test_8) is not from this order's checkout")
    expect(describeFlaggedReason('paid 1 fen too little', 'zh')).toBe('paid 1 fen too little')
    expect(describeFlaggedReason('{"kind":"amount_mismatch"}', 'zh')).toBe('{"kind":"amount_mismatch"}')
    expect(describeFlaggedReason(null, 'zh')).toBeNull()
  })
})
