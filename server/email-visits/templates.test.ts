import { describe, expect, it } from 'vitest'
import { layOut } from '../notifications/email-layout'
import { emailVisitContent, emailVisitTemplates, type EmailVisitPayload } from './templates'

const payload = (company: string): EmailVisitPayload => ({
  recipientId: 'r-1',
  template: 'introduction',
  company,
  managerName: '王静',
  managerPhone: '13816620451',
  bundles: [
    { name: '网络快车', fromMonthly: 33_300, url: 'https://bundles.example.cn/api/email-visits/go/tok/bb-express' },
    { name: '商务常青', fromMonthly: null, url: 'https://bundles.example.cn/api/email-visits/go/tok/evergreen' },
  ],
  unsubscribeUrl: 'https://bundles.example.cn/unsubscribe/tok',
  oneClickUrl: 'https://bundles.example.cn/api/email-visits/unsubscribe/tok',
})

const HOSTILE = '坏公司\r\nBcc: victim@evil.example\n<script>alert(1)</script>"><img src=x onerror=alert(2)>'

describe.each(emailVisitTemplates)('e-mail visit template %s', (template) => {
  it.each(['zh', 'en'] as const)('in %s: the company, the manager’s name and phone, each bundle with its link and from-price, and the way out', (lang) => {
    const mail = layOut(emailVisitContent({ ...payload('上海示例科技有限公司'), template }, lang), lang)
    expect(mail.subject).toContain('上海示例科技有限公司')
    expect(mail.text).toContain('王静')
    expect(mail.text).toContain('13816620451')
    expect(mail.text).toContain('https://bundles.example.cn/api/email-visits/go/tok/bb-express')
    expect(mail.text).toContain('https://bundles.example.cn/api/email-visits/go/tok/evergreen')
    expect(mail.text).toContain(lang === 'zh' ? '每月 ¥333.00 起' : 'from ¥333.00 a month')
    expect(mail.html).toContain('href="https://bundles.example.cn/unsubscribe/tok"')
    expect(mail.text).toContain('https://bundles.example.cn/unsubscribe/tok')
    // No open pixel: the only images a mail may have are none at all.
    expect(mail.html).not.toMatch(/<img/i)
  })

  it.each(['zh', 'en'] as const)('in %s: a hostile company name adds no header line and no markup', (lang) => {
    const mail = layOut(emailVisitContent({ ...payload(HOSTILE), template }, lang), lang)
    expect(mail.subject).not.toMatch(/[\r\n]/)
    expect(mail.subject).toContain('坏公司 Bcc: victim@evil.example')
    expect(mail.text).not.toMatch(/^Bcc:/m)
    expect(mail.html).not.toMatch(/<script|<img/i)
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

it('cuts a very long company name in the subject', () => {
  const mail = layOut(emailVisitContent(payload('很'.repeat(300)), 'zh'), 'zh')
  expect(mail.subject.length).toBeLessThan(120)
})

it.each(['zh', 'en'] as const)('in %s: direction marks in a company name (an unclosed right-to-left override) do not turn the rest of the subject or greeting around', (lang) => {
  const mail = layOut(emailVisitContent(payload('\u202e坏公司\u2067 \u200f'), lang), lang)
  for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/)
  expect(mail.subject).toContain('坏公司')
})
