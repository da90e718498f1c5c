import { leadSlaThresholds } from '../domain/lead-sla'
import { leadAbandonedQuotes } from '../leads/abandoned-quotes'
import { escalateLead, type LeadServices } from '../leads/lifecycle'
import { leadsDueForEscalation } from '../repositories/leads-repository'
import { startPeriodicJob, type PeriodicJob } from './periodic-job'
import type { Services } from './services'

export interface LeadDutiesResult {
  /** Untouched leads escalated to their district lead in this pass. */
  escalated: number
  /** Quotes left unordered by a verified customer who agreed to be called, made leads in this pass. */
  abandonedQuotes: number
}

/** Most leads handled in one pass; the next pass takes the rest. */
const BATCH = 100
/**
 * Leads older than this are a backlog, not an alarm: they show late in the console but are not mailed
 * about (so a database from before the SLA, or a generated city, does not flood the district leads).
 */
const ESCALATION_WINDOW_DAYS = 7

/**
 * The leads' periodic duties: quotes abandoned by customers who agreed to be called become leads
 * (server/leads/abandoned-quotes.ts), and an untouched new lead is escalated to the district lead once
 * a working day has passed. Safe to run in several processes at once: each escalation is a guarded
 * claim in the same transaction as its mail, and a quote makes one lead at most (a unique index), so
 * nothing is sent or made twice.
 */
export async function runLeadDuties(services: LeadServices): Promise<LeadDutiesResult> {
  const now = services.now()
  const notBefore = new Date(now.getTime() - ESCALATION_WINDOW_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const result: LeadDutiesResult = { escalated: 0, abandonedQuotes: await leadAbandonedQuotes(services) }
  for (const lead of await leadsDueForEscalation(services.db, leadSlaThresholds(now).escalateSince, notBefore, BATCH)) {
    if (await escalateLead(services, lead)) result.escalated += 1
  }
  return result
}

/** Runs the lead duties every `intervalMs`; with several server processes, one of them runs each pass. */
export function startLeadsJob(services: LeadServices & Pick<Services, 'log'>, { intervalMs = 60_000 } = {}): PeriodicJob<LeadDutiesResult> {
  const none = { escalated: 0, abandonedQuotes: 0 }
  return startPeriodicJob(() => runLeadDuties(services), { intervalMs, log: services.log, failed: none, oneProcessAtATime: { db: services.db, job: 'leads', skipped: none } })
}
