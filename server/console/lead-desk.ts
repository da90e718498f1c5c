import { awaitsResponse, isLeadLate, leadSlaThresholds, respondBy } from '../domain/lead-sla'
import { leadCommandApplies, leadCommandTargets, type LeadCommand, type LeadStatus } from '../domain/lead-status'
import { leadNotFound } from '../leads/lifecycle'
import { auditOf, type AuditRecord } from '../repositories/audit-repository'
import { findLead, leadInScope, leadNotes, listLeads, type Lead, type LeadListRow, type LeadNote } from '../repositories/leads-repository'
import type { LeadListQuery } from '../schemas/console-leads'
import type { Services } from '../services/services'
import { decodeKeyset, encodeKeyset } from './keyset-cursor'
import type { StaffIdentity } from './sessions'

/** Who works leads (marketing only looks). */
export const canWorkLeads = (staff: Pick<StaffIdentity, 'roles'>) => staff.roles.some((role) => role === 'manager' || role === 'ops' || role === 'admin')

export type LeadEntry = LeadListRow & { late: boolean }

export interface LeadPage {
  leads: LeadEntry[]
  /** The `after` of the next page, or null on the last one. */
  next: string | null
}

const PAGE = 50

/** One page of "My leads" as `staff` may see it, newest first. */
export async function leadList(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, query: LeadListQuery): Promise<LeadPage> {
  const limit = query.limit ?? PAGE
  const sla = leadSlaThresholds(services.now())
  // One row more than the page tells whether another page follows.
  const rows = await listLeads(services.db, staff.buildingIds, query, sla, decodeKeyset(query.after), limit + 1)
  const page = rows.slice(0, limit).map((row) => ({ ...row, late: isLeadLate({ status: row.status, createdAt: row.created_at, touchedAt: row.touched_at }, sla) }))
  return { leads: page, next: rows.length > limit ? encodeKeyset(page[page.length - 1]) : null }
}

export interface LeadDetail {
  lead: Lead
  building: { id: string; nameZh: string; nameEn: string; district: string } | null
  manager: { id: string; name: string; nameEn: string; phone: string } | null
  order: { number: string; status: string } | null
  notes: (LeadNote & { author_name: string | null })[]
  audit: AuditRecord[]
  /** The district lead the lead was escalated to (its audit row records the id). */
  escalatedTo: { id: string; name: string; nameEn: string } | null
  late: boolean
  /** While it waits for a first response: when that is due. */
  respondBy: string | null
  /** The commands its status allows (the page offers these). */
  commands: LeadCommand[]
}

/** Everything a manager needs about one lead; not found outside the staff member's scope. */
export async function leadDetail(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, id: string): Promise<LeadDetail> {
  const db = services.db
  const lead = await findLead(db, id)
  if (!lead || !leadInScope(lead, staff.buildingIds)) throw leadNotFound(id)
  const [building, manager, order, notes, audit] = await Promise.all([
    lead.building_id ? db.selectFrom('buildings').select(['id', 'name_zh', 'name_en', 'district']).where('id', '=', lead.building_id).executeTakeFirst() : undefined,
    lead.manager_id ? db.selectFrom('building_managers').select(['id', 'name', 'name_en', 'phone']).where('id', '=', lead.manager_id).executeTakeFirst() : undefined,
    lead.order_id ? db.selectFrom('orders').select(['number', 'status']).where('id', '=', lead.order_id).executeTakeFirst() : undefined,
    leadNotes(db, lead.id),
    auditOf(db, { kind: 'lead', id: lead.id }),
  ])
  // An escalation records whom it went to: a district lead's id, or 'operations'.
  const escalatedToId = (audit.find((row) => row.action === 'escalate')?.after as { to?: string } | null | undefined)?.to
  const escalatedTo = escalatedToId ? await db.selectFrom('building_managers').select(['id', 'name', 'name_en']).where('id', '=', escalatedToId).executeTakeFirst() : undefined
  const facts = { status: lead.status, createdAt: lead.created_at, touchedAt: lead.touched_at }
  const status = lead.status as LeadStatus
  return {
    lead,
    building: building ? { id: building.id, nameZh: building.name_zh, nameEn: building.name_en, district: building.district } : null,
    manager: manager ? { id: manager.id, name: manager.name, nameEn: manager.name_en, phone: manager.phone } : null,
    order: order ?? null,
    notes,
    audit,
    escalatedTo: escalatedTo ? { id: escalatedTo.id, name: escalatedTo.name, nameEn: escalatedTo.name_en } : null,
    late: isLeadLate(facts, leadSlaThresholds(services.now())),
    respondBy: awaitsResponse(facts) ? respondBy(lead.created_at).toISOString() : null,
    commands: (Object.keys(leadCommandTargets) as LeadCommand[]).filter((command) => leadCommandApplies(command, status)),
  }
}

/** The buildings a staff member may filter their leads by: their own, or every building. */
export async function leadBuildingChoices(services: Pick<Services, 'db'>, staff: StaffIdentity): Promise<{ id: string; nameZh: string; nameEn: string; district: string }[]> {
  const scope = staff.buildingIds
  if (scope !== 'all' && scope.length === 0) return []
  let query = services.db.selectFrom('buildings').select(['id', 'name_zh', 'name_en', 'district']).orderBy('district').orderBy('name_en')
  if (scope !== 'all') query = query.where('id', 'in', scope)
  return (await query.execute()).map((row) => ({ id: row.id, nameZh: row.name_zh, nameEn: row.name_en, district: row.district }))
}
