import type { Kysely } from 'kysely'
import type { BuildingRow, Database } from '../../db/schema'
import { AppError } from '../errors'
import type { StaffIdentity } from './sessions'

/** Whether `staff` sees this building. */
export function seesBuilding(staff: StaffIdentity, buildingId: string): boolean {
  return staff.buildingIds === 'all' || staff.buildingIds.includes(buildingId)
}

/** The building, if `staff` sees it; another manager's building is as absent as one that does not exist (404). */
export async function buildingInScope(db: Kysely<Database>, staff: StaffIdentity, buildingId: string): Promise<BuildingRow> {
  const building = seesBuilding(staff, buildingId) ? await db.selectFrom('buildings').selectAll().where('id', '=', buildingId).executeTakeFirst() : undefined
  if (!building) throw new AppError('building_not_found', 'There is no building with this id.')
  return building
}
