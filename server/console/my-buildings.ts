import type { BuildingRow } from '../../db/schema'
import { districts } from '../domain/districts'
import { targetMark, type TargetMark } from '../domain/target-building'
import { cleanText } from '../domain/tenant-cleaning'
import type { Catalog } from '../pricing/catalog'
import type { LocalizedText } from '../pricing/catalog-schema'
import { recordAudit, type AuditActor } from '../repositories/audit-repository'
import { offeringsServableAt } from '../services/serviceability-service'
import type { Services } from '../services/services'
import { buildingInScope } from './building-scope'
import type { StaffIdentity } from './sessions'

/*
 * "My buildings": a manager's own buildings (marketing, operations and admins see all) with what
 * makes each worth working: its tenants, orders and leads, the resources it has left, the bundles it
 * can serve and whether it is a target.
 */

export interface BuildingResources {
  freeFibrePorts: number
  freeVoicePorts: number
  maxBroadbandMbps: number
}

export interface BuildingEntry {
  id: string
  name: LocalizedText
  district: string
  grade: string
  managerId: string | null
  tenantCompanies: number
  competitorExclusive: boolean
  resources: BuildingResources
  target: TargetMark
}

export interface BundleAtBuilding {
  slug: string
  name: LocalizedText
  servable: boolean
}

export interface BuildingDetail extends BuildingEntry {
  address: LocalizedText
  sameDayInstall: boolean
  manager: { id: string; name: string; nameEn: string; phone: string; email: string } | null
  /** The promoted bundles (listed offerings) and whether this building can serve each. */
  bundles: BundleAtBuilding[]
  orders: { total: number; open: number }
  leads: { total: number; open: number }
}

export interface BuildingListQuery {
  q?: string
  district?: string
  targetOnly?: boolean
  page?: number
}

export interface BuildingPage {
  buildings: BuildingEntry[]
  total: number
  page: number
  pages: number
}

const PAGE = 50

/** The promoted bundles a building's resources serve, computed once per catalog and resources. */
const servableMemo = new WeakMap<Catalog, Map<string, Set<string>>>()

function servedPromoted(catalog: Catalog, building: BuildingRow): Set<string> {
  let memo = servableMemo.get(catalog)
  if (!memo) servableMemo.set(catalog, (memo = new Map()))
  const key = `${building.free_fibre_ports}|${building.free_voice_ports}|${building.max_broadband_mbps}`
  let served = memo.get(key)
  if (!served) memo.set(key, (served = new Set(offeringsServableAt(building, catalog).map((offering) => offering.slug))))
  return served
}

const promoted = (catalog: Catalog) => [...catalog.offerings.values()].filter((offering) => offering.listed)

function entryOf(building: BuildingRow, catalog: Catalog): BuildingEntry {
  const served = servedPromoted(catalog, building)
  return {
    id: building.id,
    name: { zh: building.name_zh, en: building.name_en },
    district: building.district,
    grade: building.grade,
    managerId: building.manager_id,
    tenantCompanies: building.tenant_companies,
    competitorExclusive: building.competitor_exclusive === 1,
    resources: { freeFibrePorts: building.free_fibre_ports, freeVoicePorts: building.free_voice_ports, maxBroadbandMbps: building.max_broadband_mbps },
    target: targetMark({
      tenantCompanies: building.tenant_companies,
      competitorExclusive: building.competitor_exclusive === 1,
      unservedPromoted: promoted(catalog).filter((offering) => !served.has(offering.slug)).length,
    }),
  }
}

const districtOrder = new Map<string, number>(districts.map((district, index) => [district, index]))

/**
 * The buildings `staff` sees, filtered (name or address contains `q`, a district, targets only) and
 * paged, by district and name. A city has 1,600: they are marked in memory, with the bundles each
 * can serve computed once per distinct set of resources.
 */
export async function listBuildings(services: Pick<Services, 'db' | 'catalogs'>, staff: StaffIdentity, query: BuildingListQuery): Promise<BuildingPage> {
  const reach = staff.buildingIds
  if (reach !== 'all' && reach.length === 0) return { buildings: [], total: 0, page: 1, pages: 1 }
  let select = services.db.selectFrom('buildings').selectAll()
  if (reach !== 'all') select = select.where('id', 'in', reach)
  if (query.district) select = select.where('district', '=', query.district)
  const [rows, catalog] = await Promise.all([select.execute(), services.catalogs.current()])
  const needle = query.q ? cleanText(query.q).toLowerCase() : ''
  const matching = rows
    .filter((row) => !needle || [row.id, row.name_zh, row.name_en, row.address_zh, row.address_en].some((text) => text.toLowerCase().includes(needle)))
    .map((row) => entryOf(row, catalog))
    .filter((entry) => !query.targetOnly || entry.target.target)
    .sort((a, b) => (districtOrder.get(a.district) ?? 99) - (districtOrder.get(b.district) ?? 99) || a.name.en.localeCompare(b.name.en) || a.id.localeCompare(b.id))
  const pages = Math.max(1, Math.ceil(matching.length / PAGE))
  const page = Math.min(Math.max(1, query.page ?? 1), pages)
  return { buildings: matching.slice((page - 1) * PAGE, page * PAGE), total: matching.length, page, pages }
}

const CLOSED_ORDERS = ['active', 'cancelled']
const CLOSED_LEADS = ['won', 'lost']

/** One building as its manager works it; another manager's building is not found (404). */
export async function buildingDetail(services: Pick<Services, 'db' | 'catalogs'>, staff: StaffIdentity, buildingId: string): Promise<BuildingDetail> {
  const { db } = services
  const building = await buildingInScope(db, staff, buildingId)
  const count = (table: 'orders' | 'leads', closed: string[]) =>
    db
      .selectFrom(table)
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(eb.case().when('status', 'in', closed).then(0).else(1).end()).as('open')])
      .where('building_id', '=', buildingId)
      .executeTakeFirstOrThrow()
  const [catalog, manager, orders, leads] = await Promise.all([
    services.catalogs.current(),
    building.manager_id ? db.selectFrom('building_managers').select(['id', 'name', 'name_en', 'phone', 'email']).where('id', '=', building.manager_id).executeTakeFirst() : undefined,
    count('orders', CLOSED_ORDERS),
    count('leads', CLOSED_LEADS),
  ])
  const served = servedPromoted(catalog, building)
  return {
    ...entryOf(building, catalog),
    address: { zh: building.address_zh, en: building.address_en },
    sameDayInstall: building.same_day_install === 1,
    manager: manager ? { id: manager.id, name: manager.name, nameEn: manager.name_en, phone: manager.phone, email: manager.email } : null,
    bundles: promoted(catalog).map((offering) => ({ slug: offering.slug, name: offering.name, servable: served.has(offering.slug) })),
    orders: { total: Number(orders.total), open: Number(orders.open ?? 0) },
    leads: { total: Number(leads.total), open: Number(leads.open ?? 0) },
  }
}

/** Records whether a competitor holds the building exclusively (audited); answers the building as it is now. */
export async function setCompetitorExclusive(services: Pick<Services, 'db' | 'catalogs' | 'now'>, staff: StaffIdentity, actor: AuditActor, buildingId: string, exclusive: boolean): Promise<BuildingDetail> {
  const building = await buildingInScope(services.db, staff, buildingId)
  const value = exclusive ? 1 : 0
  if (building.competitor_exclusive !== value) {
    await services.db.transaction().execute(async (trx) => {
      await trx.updateTable('buildings').set({ competitor_exclusive: value }).where('id', '=', buildingId).execute()
      await recordAudit(trx, { actor, action: 'building.competitor_exclusive', subject: { kind: 'building', id: buildingId }, before: { competitorExclusive: building.competitor_exclusive === 1 }, after: { competitorExclusive: exclusive } }, services.now())
    })
  }
  return buildingDetail(services, staff, buildingId)
}
