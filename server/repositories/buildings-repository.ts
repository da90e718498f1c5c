import type { Kysely } from 'kysely'
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

export async function findBuildingWithManager(db: Kysely<Database>, id: string): Promise<BuildingWithManager | undefined> {
  const building = await db.selectFrom('buildings').selectAll().where('id', '=', id).executeTakeFirst()
  if (!building) return undefined
  const manager = building.manager_id
    ? ((await db.selectFrom('building_managers').selectAll().where('id', '=', building.manager_id).executeTakeFirst()) ?? null)
    : null
  return { building, manager }
}

/** The names of the buildings a console user works with (all, or these), for choosing one in a form. */
export async function buildingNames(db: Kysely<Database>, ids: 'all' | readonly string[]): Promise<{ id: string; name_zh: string; name_en: string }[]> {
  if (ids !== 'all' && ids.length === 0) return []
  let select = db.selectFrom('buildings').select(['id', 'name_zh', 'name_en'])
  if (ids !== 'all') select = select.where('id', 'in', ids)
  return select.orderBy('name_en').execute()
}
