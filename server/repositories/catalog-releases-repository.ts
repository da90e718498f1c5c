import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema'
import type { Release } from '../catalog-management/release-resolution'
import { districts } from '../domain/districts'
import { timeOrderedId } from '../domain/time-ordered-id'

/**
 * Release writes made by this process: a catalog store reads the release list again as soon as this
 * changes, so an approval or withdrawal is in force at once in the process that made it (other
 * processes see it within the store's freshness period).
 */
let releaseWrites = 0
export const releaseWritesInThisProcess = () => releaseWrites

const storedDistricts = z.array(z.enum(districts)).nullable()
const storedBuildingIds = z.array(z.string()).nullable()

/** Every release, oldest first: a handful of rows, read whole (the catalog store resolves in memory). */
export async function listReleases(db: Kysely<Database>): Promise<Release[]> {
  const rows = await db.selectFrom('catalog_releases').selectAll().orderBy('publish_at').orderBy('created_at').orderBy('id').execute()
  return rows.map((row) => ({
    id: row.id,
    catalogVersion: row.catalog_version,
    draftId: row.draft_id,
    publishAt: row.publish_at,
    validUntil: row.valid_until,
    // Stored scope is data written by this code, but read back checked like everything else.
    districts: storedDistricts.parse(row.districts_json === null ? null : JSON.parse(row.districts_json)),
    buildingIds: storedBuildingIds.parse(row.building_ids_json === null ? null : JSON.parse(row.building_ids_json)),
    releasedBy: row.released_by,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
  }))
}

export type NewRelease = Pick<Release, 'catalogVersion' | 'draftId' | 'publishAt' | 'validUntil' | 'districts' | 'buildingIds' | 'releasedBy'>

export async function insertRelease(db: Kysely<Database>, release: NewRelease, now: Date): Promise<string> {
  const id = timeOrderedId(now.getTime())
  await db
    .insertInto('catalog_releases')
    .values({
      id,
      catalog_version: release.catalogVersion,
      draft_id: release.draftId,
      publish_at: release.publishAt,
      valid_until: release.validUntil,
      districts_json: release.districts === null ? null : JSON.stringify(release.districts),
      building_ids_json: release.buildingIds === null ? null : JSON.stringify(release.buildingIds),
      released_by: release.releasedBy,
      created_at: now.toISOString(),
    })
    .execute()
  releaseWrites++
  return id
}

/** Withdraws a release that has not started: false when it has started (or was withdrawn) meanwhile. */
export async function withdrawScheduledRelease(db: Kysely<Database>, id: string, by: string, now: Date): Promise<boolean> {
  const at = now.toISOString()
  const result = await db
    .updateTable('catalog_releases')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .where('publish_at', '>', at)
    .executeTakeFirst()
  releaseWrites++
  return result.numUpdatedRows > 0n
}

export async function findReleaseRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('catalog_releases').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function hasAnyRelease(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('catalog_releases').select('id').limit(1).executeTakeFirst()) !== undefined
}
