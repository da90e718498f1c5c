import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { PriceBookInput } from '../../server/pricing/catalog-schema'
import { saveCatalogVersion } from '../../server/repositories/catalog-repository'
import { insertRelease } from '../../server/repositories/catalog-releases-repository'

/** A price book in force everywhere from `at`, as an approval without pilot or end would publish it. */
export async function publishPriceBook(db: Kysely<Database>, book: PriceBookInput, at: Date): Promise<string> {
  const catalogVersion = await saveCatalogVersion(db, book, at)
  await insertRelease(db, { catalogVersion, draftId: null, publishAt: at.toISOString(), validUntil: null, districts: null, buildingIds: null, releasedBy: null }, at)
  return catalogVersion
}
