import type { InferResult, Kysely } from 'kysely'
import type { BuildingRow, Database, ManagerRow } from '../../db/schema'
import { rankBuildings } from '../domain/building-search'
import { districtNames, type District } from '../domain/districts'

export interface BuildingWithManager {
  building: BuildingRow
  manager: ManagerRow | null
}

/** Ranks every building in memory: a city has a few hundred, and typo tolerance needs more than LIKE. */
export async function searchBuildings(db: Kysely<Database>, query: string, limit: number): Promise<BuildingRow[]> {
  const rows = await db.selectFrom('buildings').selectAll().orderBy('name_en').execute()
  const searchable = rows.map((row) => {
    const district = districtNames[row.district as District]
    return { id: row.id, row, texts: [row.name_zh, row.name_en, row.address_zh, row.address_en, ...(district ? [district.zh, district.en] : [])] }
  })
  return rankBuildings(query, searchable, limit).map(({ row }) => row)
}

/** A building with its manager's columns beside its own: one row, or none. */
export function buildingWithManagerQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('buildings')
    .leftJoin('building_managers as manager', 'manager.id', 'buildings.manager_id')
    .selectAll('buildings')
    .select([
      'manager.id as manager_row_id',
      'manager.name as manager_name',
      'manager.name_en as manager_name_en',
      'manager.phone as manager_phone',
      'manager.email as manager_email',
      'manager.district as manager_district',
      'manager.district_lead as manager_district_lead',
    ])
    .where('buildings.id', '=', id)
}

export function buildingWithManagerOf(row: InferResult<ReturnType<typeof buildingWithManagerQuery>>[number]): BuildingWithManager {
  const { manager_row_id, manager_name, manager_name_en, manager_phone, manager_email, manager_district, manager_district_lead, ...building } = row
  const manager: ManagerRow | null =
    manager_row_id === null
      ? null
      : { id: manager_row_id, name: manager_name!, name_en: manager_name_en!, phone: manager_phone!, email: manager_email!, district: manager_district!, district_lead: manager_district_lead! }
  return { building, manager }
}

/** A building and its manager, in one trip to the database (every quote and order with a site asks). */
export async function findBuildingWithManager(db: Kysely<Database>, id: string): Promise<BuildingWithManager | undefined> {
  const row = await buildingWithManagerQuery(db, id).executeTakeFirst()
  return row && buildingWithManagerOf(row)
}

/** The names of the buildings a console user works with (all, or these), for choosing one in a form. */
export async function buildingNames(db: Kysely<Database>, ids: 'all' | readonly string[]): Promise<{ id: string; name_zh: string; name_en: string }[]> {
  if (ids !== 'all' && ids.length === 0) return []
  let select = db.selectFrom('buildings').select(['id', 'name_zh', 'name_en'])
  if (ids !== 'all') select = select.where('id', 'in', ids)
  return select.orderBy('name_en').execute()
}
