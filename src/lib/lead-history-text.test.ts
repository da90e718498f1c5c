import { describe, expect, it } from 'vitest'
import { leadAuditFactsText } from './lead-history-text'

const noManager = () => undefined

describe('a lead’s audit facts in words', () => {
  it('names statuses and lost reasons, never their codes', () => {
    expect(leadAuditFactsText({ status: 'new' }, 'zh', noManager)).toEqual(['状态：新线索'])
    expect(leadAuditFactsText({ status: 'lost', lostReason: 'competitor_contract' }, 'en', noManager)).toEqual(['Status: Lost', 'Why lost: Under contract with another carrier'])
  })

  it('leaves out the id of a note the row added (the notes list shows the note)', () => {
    expect(leadAuditFactsText({ noteId: '0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' }, 'zh', noManager)).toEqual([])
  })

  it('says how an order won the lead and which order', () => {
    expect(leadAuditFactsText({ status: 'won', orderNumber: 'SO261201-7K3F9Q', matchedBy: 'credit_code' }, 'zh', noManager)).toEqual(['状态：已成交', '订单：SO261201-7K3F9Q', '按何匹配：统一社会信用代码相同'])
  })

  it('writes dates as dates, and names whom an escalation went to', () => {
    expect(leadAuditFactsText({ followUpOn: '2026-12-08' }, 'en', noManager)).toEqual(['Follow-up date: 8 Dec 2026'])
    const managerName = (id: string) => (id === 'mgr-lujiazui-lead' ? '李娜' : undefined)
    expect(leadAuditFactsText({ escalatedAt: '2026-12-01T06:49:00.000Z', to: 'mgr-lujiazui-lead' }, 'zh', managerName)).toEqual(['上报时间：2026年12月1日 14:49（北京时间）', '上报给：李娜'])
    expect(leadAuditFactsText({ escalatedAt: null, to: 'operations' }, 'en', managerName)).toEqual(['Escalated: —', 'Escalated to: Operations'])
  })
})
