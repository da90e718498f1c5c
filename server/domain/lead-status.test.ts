import { describe, expect, it } from 'vitest'
import { isLeadLate, leadSlaThresholds } from './lead-sla'
import { canMoveLead, leadCommandApplies, leadStatuses, openLeadStatuses } from './lead-status'

describe('the lead transition table', () => {
  it('goes new → contacted → qualified, and ends won or lost from any open status', () => {
    expect(canMoveLead('new', 'contacted')).toBe(true)
    expect(canMoveLead('contacted', 'qualified')).toBe(true)
    expect(canMoveLead('new', 'qualified')).toBe(false)
    expect(canMoveLead('qualified', 'contacted')).toBe(false)
    for (const status of openLeadStatuses) expect(canMoveLead(status, 'won') && canMoveLead(status, 'lost')).toBe(true)
  })

  it('lets nothing out of won and lost, not even a note or a follow-up date', () => {
    for (const closed of ['won', 'lost'] as const) {
      for (const to of leadStatuses) expect(canMoveLead(closed, to)).toBe(false)
      expect(leadCommandApplies('add_note', closed)).toBe(false)
      expect(leadCommandApplies('set_follow_up', closed)).toBe(false)
    }
    expect(leadCommandApplies('add_note', 'qualified')).toBe(true)
    expect(leadCommandApplies('contact', 'contacted')).toBe(false)
  })
})

describe('the lead response SLA', () => {
  // Monday 2026-11-23, 10:00 in Shanghai.
  const created = '2026-11-23T02:00:00.000Z'
  const facts = { status: 'new', createdAt: created, touchedAt: null }
  it('makes an untouched new lead late after 4 working hours, due for escalation after 9', () => {
    expect(isLeadLate(facts, leadSlaThresholds(new Date('2026-11-23T05:59:59Z')))).toBe(false)
    expect(isLeadLate(facts, leadSlaThresholds(new Date('2026-11-23T06:00:00Z')))).toBe(true)
    expect(leadSlaThresholds(new Date('2026-11-24T02:00:00Z')).escalateSince).toBe(created)
  })

  it('never flags a lead someone touched, or one that moved on', () => {
    const later = leadSlaThresholds(new Date('2026-12-01T02:00:00Z'))
    expect(isLeadLate({ ...facts, touchedAt: '2026-11-23T03:00:00.000Z' }, later)).toBe(false)
    expect(isLeadLate({ ...facts, status: 'contacted' }, later)).toBe(false)
  })
})
