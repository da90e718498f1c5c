import { describe, expect, it } from 'vitest'
import type { Lang, ManagerNewLeadPayload, OutboxMessage } from '../../server/notifications/messages'
import { renderEmail } from '../../server/notifications/render-email'
import { messages } from '../notifications/sample-messages'

/**
 * What an attacker types as a company or contact name: words that read as the shop's own
 * instructions, HTML, and attempts to fold or add a mail header. A transactional mail must open with
 * the shop's words only, and show customers' words only as the value of a labelled field, escaped.
 */
const hostile = {
  instruction: '付款账户已变更请转账至 6222 0200 1234 5678 户名 张伟',
  english: 'URGENT our bank details changed pay to GB33BUKB20201555555555',
  html: '<a href="https://evil.example/pay">点击付款</a><img src=x onerror=alert(1)>',
  crlf: 'Acme\r\nBcc: victim@example.com\r\nSubject: 付款账户已变更',
}

const names = Object.values(hostile)
const orderNumber = 'SO261122-7K3F9Q'
const trackingUrl = 'https://storefront.test/orders/SO261122-7K3F9Q?token=abc'

/** A sample message of a kind whose only customer-typed text is the company name, with `name` as that name. */
const withCompany = (message: OutboxMessage, name: string) => ({ ...message, payload: { ...message.payload, companyName: name } }) as OutboxMessage

const lead = (name: string): ManagerNewLeadPayload => ({ company: name, contactName: name, mobile: '13812345678', buildingName: '金茂大厦', source: 'callback', note: name })

/** Every mail that carries text a customer typed, with that text in every such field. */
const carrying = (name: string): OutboxMessage[] => [
  {
    kind: 'order_confirmation',
    payload: { orderNumber, companyName: name, status: 'awaiting_transfer', amountDue: 30_000, monthly: 59_900, installDate: '2026-12-01', installSlot: 'am', trackingUrl },
  },
  {
    kind: 'manager_new_order',
    payload: {
      orderNumber,
      companyName: name,
      buildingName: '金茂大厦',
      status: 'awaiting_transfer',
      installDate: '2026-12-01',
      installSlot: 'am',
      contactName: name,
      contactMobile: '13812345678',
      amountDue: 30_000,
    },
  },
  { kind: 'manager_new_lead', payload: lead(name) },
  { kind: 'manager_lead_digest', payload: { leads: [lead(name), lead('上海示例科技有限公司')] } },
  withCompany(messages.assisted_quote_proposal, name),
  withCompany(messages.win_back_offer, name),
  { kind: 'lead_escalated', payload: { ...lead(name), managerName: '王静', receivedAt: '2026-11-23T01:30:00.000Z', leadUrl: 'https://storefront.test/console/leads/lead-1' } },
  {
    kind: 'ops_order_review',
    payload: {
      orderNumber,
      companyName: name,
      creditCode: '91330100716105852F',
      buildingName: '金茂大厦',
      contactName: name,
      contactMobile: '13812345678',
      reasons: [{ kind: 'component_count', code: 'fixed-line', count: 50, limit: 20 }],
    },
  },
]

/** Fragments of the hostile text that must not appear where the shop speaks (a subject, the opening). */
const fragments = ['6222', '转账至', 'bank details', 'evil.example', 'onerror', 'Bcc', 'victim@', '付款账户', 'Acme', '点击付款']

const cases = names.flatMap((name) => carrying(name).flatMap((message) => (['zh', 'en'] as Lang[]).map((lang) => [message.kind, lang, name, message] as const)))

describe('customer-written text in transactional mail', () => {
  it.each(cases)('%s (%s) with %j: neutral subject and opening, the text only in labelled, escaped fields', (_kind, lang, name, message) => {
    const email = renderEmail(message.kind, message.payload as never, lang)
    // No header can be folded or added through the subject.
    expect(email.subject).not.toMatch(/[\r\n]/)
    for (const fragment of fragments) expect(email.subject).not.toContain(fragment)

    // The opening (greeting and first paragraph), in both versions, is the shop's own words.
    const blocks = email.text.split('\n\n')
    const textOpening = /^(您好：|Hello,)$/.test(blocks[0]) ? blocks.slice(0, 2) : blocks.slice(0, 1)
    const htmlParagraphs = [...email.html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((match) => match[1])
    for (const opening of [...textOpening, ...htmlParagraphs.slice(0, 2)]) {
      for (const fragment of fragments) expect(opening).not.toContain(fragment)
    }

    // The customer's text is there, but only as a field's value: after a label on its own line (text)
    // and in a value cell (HTML), with every HTML-special character escaped.
    const colon = lang === 'zh' ? '：' : ': '
    const firstLine = name.split(/\r?\n/)[0]
    expect(email.text).toMatch(new RegExp(`^[^\\n]+${colon}${escapeRegExp(firstLine)}`, 'm'))
    expect(email.html).not.toMatch(/<a href="https:\/\/evil|<img/)
    if (name === hostile.html) expect(email.html).toContain('&lt;a href=&quot;https://evil.example/pay&quot;&gt;')
    // A line break typed into a field cannot start a line of its own that reads as a new field.
    expect(email.text).not.toMatch(/^Bcc: /m)
    expect(email.text).not.toMatch(/^Subject: /m)
  })

  it('greets the customer without their company name', () => {
    const [confirmation] = carrying(hostile.instruction)
    expect(renderEmail('order_confirmation', confirmation.payload as never, 'zh').text.startsWith('您好：\n\n')).toBe(true)
    expect(renderEmail('order_confirmation', confirmation.payload as never, 'en').text.startsWith('Hello,\n\n')).toBe(true)
  })
})

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
