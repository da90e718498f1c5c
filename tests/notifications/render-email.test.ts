import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../server/notifications/email-layout'
import { renderEmail } from '../../server/notifications/render-email'
import type { OutboxMessage } from '../../server/notifications/messages'
import { confirmation, messages, TRACKING_URL } from './sample-messages'

describe('renderEmail', () => {
  const cases = Object.values(messages).flatMap((message) => (['zh', 'en'] as const).map((lang) => [message.kind, lang, message] as const))

  it.each(cases)('renders %s in %s: a subject, the order or company, escaped HTML', (_kind, lang, message) => {
    const email = renderEmail(message.kind, message.payload as never, lang)
    expect(email.subject.trim()).not.toBe('')
    expect(email.subject).not.toMatch(/\n/)
    const payload = message.payload
    // The order number leads; what a customer typed (a company) is only in the body (security/hostile-mail-text).
    if ('orderNumber' in payload) expect(email.subject).toContain(payload.orderNumber)
    const key = 'orderNumber' in payload ? payload.orderNumber : 'company' in payload ? payload.company : 'code' in payload ? payload.code : 'proposalUrl' in payload ? payload.proposalUrl : payload.leads[1].company
    expect(email.text).toContain(key)
    expect(email.html).not.toMatch(/<script>|<mismatch>/)
    expect(email.html).toMatch(lang === 'zh' ? /lang="zh-CN"/ : /lang="en"/)
    expect(email.text).toMatch(lang === 'zh' ? /楼宇商企通/ : /Office Bundles/)
    if (lang === 'en') {
      // What is left once the customer's own (Chinese) words are taken out must be English.
      const own = ('leads' in payload ? payload.leads.flatMap(Object.values) : Object.values(payload)).filter((value): value is string => typeof value === 'string')
      const wording = own.reduce((text, value) => text.replaceAll(value, ''), email.text + email.subject)
      expect(wording).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/)
    }
    if ('companyName' in payload || 'company' in payload || 'leads' in payload) expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    if ('trackingUrl' in message.payload) {
      expect(email.text).toContain(TRACKING_URL)
      expect(email.html).toContain(`href="${escapeHtml(TRACKING_URL)}"`)
    }
  })

  it('states a payment deadline in Beijing time and the reasons for a review in the reader’s language', () => {
    // 03:00 UTC is 11:00 in Beijing.
    expect(renderEmail('payment_reminder', messages.payment_reminder.payload as never, 'zh').text).toMatch(/2026年11月27日 11:00（北京时间）/)
    expect(renderEmail('payment_reminder', messages.payment_reminder.payload as never, 'en').text).toMatch(/27 Nov 2026, 11:00 \(Beijing time\)/)
    const review = renderEmail('ops_order_review', messages.ops_order_review.payload as never, 'zh').text
    expect(review).toContain('fixed-line 数量 50，超过单笔订单免审上限 20')
    expect(review).toContain('需要 160 个语音端口，楼宇空闲 160 个，免审上限 40 个')
  })

  it('says the slot and money in the reader’s language', () => {
    const zh = renderEmail('manager_new_order', messages.manager_new_order.payload as never, 'zh')
    expect(zh.text).toContain('2026年12月1日 周二 下午')
    expect(zh.text).toContain('¥1,234.56')
    expect(zh.text).toContain('状态：已确认（今日无需付款）')
    expect(zh.text).toContain('「浦东新区」区待分配队列')
    const en = renderEmail('manager_new_order', messages.manager_new_order.payload as never, 'en')
    expect(en.text).toContain('Tue 1 Dec 2026, afternoon')
    expect(en.text).toContain('Status: Confirmed (nothing due today)')
    const lead = renderEmail('manager_new_lead', { company: 'A\nB', contactName: 'x', mobile: '1', source: 'abandoned_quote' }, 'en')
    expect(lead.subject).toBe('New lead')
    expect(lead.text).toContain('Source: Abandoned quote')
  })

  it('asks for no payment before a site survey', () => {
    const payload = { ...(confirmation('OB-1').payload as Extract<OutboxMessage, { kind: 'order_confirmation' }>['payload']), status: 'survey_required' as const }
    const email = renderEmail('order_confirmation', payload, 'en')
    expect(email.text).toContain('site survey')
    expect(email.text).not.toContain('Amount due')
    expect(email.text).toContain('Requested installation: Tue 1 Dec 2026, morning')
  })

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })
})
