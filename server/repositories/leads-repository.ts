import { randomUUID } from 'node:crypto'
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { Database } from '../../db/schema'
import type { Keyset } from '../console/keyset-cursor'
import type { LeadSlaThresholds } from '../domain/lead-sla'
import { openLeadStatuses, type LeadStatus } from '../domain/lead-status'
import { utmColumns } from './utm-columns'

export type Lead = Selectable<Database['leads']>
export type LeadNote = Selectable<Database['lead_notes']>

/** Whose leads a staff member sees: all, or those of their own buildings. */
export type LeadScope = 'all' | readonly string[]

export async function insertLead(db: Kysely<Database>, lead: Insertable<Database['leads']>): Promise<void> {
  await db.insertInto('leads').values({ ...lead, ...utmColumns(lead.attribution_json) }).execute()
}

export async function findLead(db: Kysely<Database>, id: string): Promise<Lead | undefined> {
  return db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst()
}

export const leadInScope = (lead: Pick<Lead, 'building_id'>, scope: LeadScope): boolean => scope === 'all' || (lead.building_id !== null && scope.includes(lead.building_id))

/**
 * Moves a lead from `from` to `to` (with whatever else the move sets), guarded by its status: false
 * when it was no longer `from` (another command won the race), and nothing changed.
 */
export async function transitionLead(db: Kysely<Database>, id: string, from: LeadStatus, to: LeadStatus, set: Updateable<Database['leads']>, at: string): Promise<boolean> {
  const result = await db.updateTable('leads').set({ ...set, status: to, updated_at: at }).where('id', '=', id).where('status', '=', from).executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** A change that keeps the status, guarded by it all the same. */
export async function updateLead(db: Kysely<Database>, id: string, status: LeadStatus, set: Updateable<Database['leads']>, at: string): Promise<boolean> {
  const result = await db.updateTable('leads').set({ ...set, updated_at: at }).where('id', '=', id).where('status', '=', status).executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** Staff did something with the lead: its response SLA stops (the first time only). */
export async function touchLead(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('leads').set({ touched_at: at }).where('id', '=', id).where('touched_at', 'is', null).execute()
}

/** Marks an untouched new lead escalated; false when it was touched, moved or escalated meanwhile. */
export async function claimEscalation(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('leads')
    .set({ escalated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'new')
    .where('touched_at', 'is', null)
    .where('escalated_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function insertLeadNote(db: Kysely<Database>, note: { leadId: string; authorId: string | null; body: string }, at: string): Promise<string> {
  const id = randomUUID()
  await db.insertInto('lead_notes').values({ id, lead_id: note.leadId, author_id: note.authorId, body: note.body, created_at: at }).execute()
  return id
}

export async function leadNotes(db: Kysely<Database>, leadId: string): Promise<(LeadNote & { author_name: string | null })[]> {
  return db
    .selectFrom('lead_notes')
    .leftJoin('staff_users', 'staff_users.id', 'lead_notes.author_id')
    .selectAll('lead_notes')
    .select('staff_users.display_name as author_name')
    .where('lead_notes.lead_id', '=', leadId)
    .orderBy('lead_notes.created_at')
    .orderBy('lead_notes.id')
    .execute()
}

export interface LeadListFilters {
  status?: LeadStatus
  late?: boolean
  building?: string
}

export type LeadListRow = Pick<
  Lead,
  'id' | 'source' | 'status' | 'company' | 'contact_name' | 'mobile' | 'building_id' | 'manager_id' | 'queue_district' | 'follow_up_on' | 'touched_at' | 'escalated_at' | 'created_at'
> & { building_name_zh: string | null; building_name_en: string | null }

/** The leads `scope` may see, newest first, one page after `cursor` (keyset: created_at, id). */
export async function listLeads(db: Kysely<Database>, scope: LeadScope, filters: LeadListFilters, sla: LeadSlaThresholds, cursor: Keyset | undefined, limit: number): Promise<LeadListRow[]> {
  let query = db
    .selectFrom('leads')
    .leftJoin('buildings', 'buildings.id', 'leads.building_id')
    .select([
      'leads.id',
      'leads.source',
      'leads.status',
      'leads.company',
      'leads.contact_name',
      'leads.mobile',
      'leads.building_id',
      'leads.manager_id',
      'leads.queue_district',
      'leads.follow_up_on',
      'leads.touched_at',
      'leads.escalated_at',
      'leads.created_at',
      'buildings.name_zh as building_name_zh',
      'buildings.name_en as building_name_en',
    ])
  if (scope !== 'all') query = scope.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('leads.building_id', 'in', scope)
  if (filters.building) query = query.where('leads.building_id', '=', filters.building)
  if (filters.status) query = query.where('leads.status', '=', filters.status)
  if (filters.late) query = query.where('leads.status', '=', 'new').where('leads.touched_at', 'is', null).where('leads.created_at', '<=', sla.lateSince)
  if (cursor) query = query.where((eb) => eb(eb.refTuple('leads.created_at', 'leads.id'), '<', eb.tuple(cursor.createdAt, cursor.id)))
  return query.orderBy('leads.created_at', 'desc').orderBy('leads.id', 'desc').limit(limit).execute()
}

/**
 * Untouched new leads due for escalation, oldest first: created at or before `since` but not before
 * `notBefore` (a backlog from before the SLA existed is shown late, not mailed about all at once).
 */
export async function leadsDueForEscalation(db: Kysely<Database>, since: string, notBefore: string, limit: number): Promise<Lead[]> {
  return db
    .selectFrom('leads')
    .selectAll()
    .where('status', '=', 'new')
    .where('created_at', '<=', since)
    .where('created_at', '>=', notBefore)
    .where('touched_at', 'is', null)
    .where('escalated_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/**
 * Open leads of the company that ordered, with the order's credit code or its contact's mobile, in the
 * scope of the order's building: the buildings of its manager, or the building alone when it has none.
 * One statement: the scope is a subquery, not a read of its own before every order.
 */
export function openLeadsOfCompanyQuery(db: Kysely<Database>, buildingId: string, company: { creditCode: string; mobile: string }) {
  const managerOfSite = db.selectFrom('buildings as site').select('site.manager_id').where('site.id', '=', buildingId)
  const scope = db
    .selectFrom('buildings as scope')
    .select('scope.id')
    // A building without a manager: `manager_id = null` holds for no building, and the scope is the building alone.
    .where((eb) => eb.or([eb('scope.id', '=', buildingId), eb('scope.manager_id', '=', managerOfSite)]))
  return db
    .selectFrom('leads')
    .selectAll()
    .where('building_id', 'in', scope)
    .where('status', 'in', openLeadStatuses)
    .where((eb) => eb.or([eb('credit_code', '=', company.creditCode), ...(company.mobile ? [eb('mobile', '=', company.mobile)] : [])]))
    .orderBy('created_at')
    .orderBy('id')
}

/** The district lead's address for `district`, if the district has one. */
export async function districtLead(db: Kysely<Database>, district: string): Promise<{ id: string; name: string; email: string } | undefined> {
  return db.selectFrom('building_managers').select(['id', 'name', 'email']).where('district', '=', district).where('district_lead', '=', 1).executeTakeFirst()
}
