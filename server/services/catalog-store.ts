import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Catalog } from '../pricing/catalog'
import { findCurrentCatalogVersion, loadCatalog } from '../repositories/catalog-repository'

export interface CatalogStore {
  current(): Promise<Catalog>
  /** The catalog a quote was priced with: orders, checkout and proposals read this one. */
  byVersion(version: string): Promise<Catalog>
}

/**
 * Catalog versions are immutable, so each is loaded and validated once; only "which version is
 * current" is read per request, so a newly seeded price book applies without a restart.
 */
export function createCatalogStore(db: Kysely<Database>): CatalogStore {
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
    async current() {
      const version = await findCurrentCatalogVersion(db)
      if (!version) throw new Error('the catalog is empty: run the seed (npm run db:seed)')
      return byVersion(version)
    },
  }
}
