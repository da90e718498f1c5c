import { sql, type Kysely } from 'kysely'
import type { BuildingRow, Database, ManagerRow } from '../../db/schema'

export interface BuildingWithManager {
  building: BuildingRow
  manager: ManagerRow | null
}

/** Lower-cased, space-folded text a building is found by (names, addresses, district). */
export function buildingSearchText(parts: string[]): string {
  return normalizeSearch(parts.join(' '))
}

export function normalizeSearch(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim()
}

function likePattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/** Every whitespace-separated token of the query must appear in the building's search text. */
export async function searchBuildings(db: Kysely<Database>, query: string, limit: number): Promise<BuildingRow[]> {
  const tokens = normalizeSearch(query).split(' ').filter(Boolean).slice(0, 8)
  let select = db.selectFrom('buildings').selectAll()
  for (const token of tokens) {
    select = select.where(sql<boolean>`search_text like ${likePattern(token)} escape '\\'`)
  }
  return select.orderBy('name_en').limit(limit).execute()
}

export async function findBuildingWithManager(db: Kysely<Database>, id: string): Promise<BuildingWithManager | undefined> {
  const building = await db.selectFrom('buildings').selectAll().where('id', '=', id).executeTakeFirst()
  if (!building) return undefined
  const manager = building.manager_id
    ? ((await db.selectFrom('building_managers').selectAll().where('id', '=', building.manager_id).executeTakeFirst()) ?? null)
    : null
  return { building, manager }
}
