import { addWorkingHours, workingHoursBefore, WORKDAY_HOURS } from './working-days'

/**
 * The response SLA of a lead: a new lead nobody on the staff has touched (no command, no note) is late
 * after 4 working hours, and after 1 working day (its 9 working hours) it is escalated to the district
 * lead, once. Working hours are 09:00–18:00 Shanghai time, Monday to Friday (working-days.ts).
 */
export const LEAD_LATE_WORKING_HOURS = 4
export const LEAD_ESCALATION_WORKING_HOURS = WORKDAY_HOURS

export interface LeadSlaThresholds {
  /** An untouched new lead created at or before this instant is late. */
  lateSince: string
  /** An untouched new lead created at or before this instant is due for escalation. */
  escalateSince: string
}

/** The thresholds at `now`, so the list's SQL filter, the job's and each row's flag agree. */
export function leadSlaThresholds(now: Date): LeadSlaThresholds {
  return {
    lateSince: workingHoursBefore(now, LEAD_LATE_WORKING_HOURS).toISOString(),
    escalateSince: workingHoursBefore(now, LEAD_ESCALATION_WORKING_HOURS).toISOString(),
  }
}

export interface LeadSlaFacts {
  status: string
  createdAt: string
  touchedAt: string | null
}

/** Still waiting for a first response: new and untouched. */
export const awaitsResponse = (lead: Pick<LeadSlaFacts, 'status' | 'touchedAt'>) => lead.status === 'new' && lead.touchedAt === null

export function isLeadLate(lead: LeadSlaFacts, thresholds: LeadSlaThresholds): boolean {
  return awaitsResponse(lead) && lead.createdAt <= thresholds.lateSince
}

/** When a lead that came in at `createdAt` must have been answered (the console shows it). */
export const respondBy = (createdAt: string): Date => addWorkingHours(new Date(createdAt), LEAD_LATE_WORKING_HOURS)
