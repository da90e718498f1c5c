import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { liveRelease, type Place } from '../catalog-management/release-resolution'
import type { Catalog } from '../pricing/catalog'
import { loadCatalog } from '../repositories/catalog-repository'
import { listReleases } from '../repositories/catalog-releases-repository'

export interface CatalogStore {
  /** The catalog that applies now: at a building (its pilots included), or in general. */
  current(place?: Place): Promise<Catalog>
  /** The catalog a quote was priced with: orders, checkout and proposals read this one. */
  byVersion(version: string): Promise<Catalog>
}

/**
 * Catalog versions are immutable, so each is loaded and validated once; which one applies is decided
 * per request from the releases in the database, so a release goes live at its time in every server
 * process, without a restart.
 */
export function createCatalogStore(db: Kysely<Database>, now: () => Date): CatalogStore {
  const loaded = new Map<string, Promise<Catalog>>()
  const byVersion = (version: string) => {
    let catalog = loaded.get(version)
    if (!catalog) {
      catalog = loadCatalog(db, version)
      catalog.catch(() => loaded.delete(version))
      loaded.set(version, catalog)
    }
    return catalog
  }
  return {
    byVersion,
    async current(place) {
      const release = liveRelease(await listReleases(db), now(), place)
      if (!release) throw new Error('No catalog is published: load the demo catalog with npm run db:seed, or publish one in the console.')
      return byVersion(release.catalogVersion)
    },
  }
}
