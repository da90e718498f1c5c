import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { liveRelease, newestFirst, type Place, type Release } from '../catalog-management/release-resolution'
import type { Catalog } from '../pricing/catalog'
import { loadCatalog } from '../repositories/catalog-repository'
import { listReleases, releaseWritesInThisProcess } from '../repositories/catalog-releases-repository'

export interface CatalogStore {
  /** The catalog that applies now: at a building (its pilots included), or in general. */
  current(place?: Place): Promise<Catalog>
  /** The catalog a quote was priced with: orders, checkout and proposals read this one. */
  byVersion(version: string): Promise<Catalog>
}

/**
 * How long a read release list is used before it is read again. Releases are approved ahead of their
 * publish time and the list holds scheduled ones too, so a release goes live exactly at its time from
 * the list in memory; only a release approved in another process (or withdrawn there) takes up to
 * this long to be seen, well within the 2 s the publication guarantee allows.
 */
export const RELEASES_FRESH_MS = 1_000

/**
 * Catalog versions are immutable, so each is loaded and validated once; which one applies is decided
 * per request, at the request's time, from the release list (re-read every RELEASES_FRESH_MS, and at
 * once after this process wrote a release), so a release goes live at its time in every server
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

  /** The release list in newestFirst order, and when it was read. */
  let read: { releases: Promise<Release[]>; at: number } | undefined
  let writesSeen = releaseWritesInThisProcess()
  let lastWriteSeenAt = Number.NEGATIVE_INFINITY
  const releases = () => {
    const at = performance.now()
    const writes = releaseWritesInThisProcess()
    if (writes !== writesSeen) {
      writesSeen = writes
      lastWriteSeenAt = at
    }
    // Just after a write here the list is read for every request: the write's transaction may commit
    // after its insert counted, and a list read in between would otherwise be kept.
    if (!read || at - read.at >= RELEASES_FRESH_MS || at - lastWriteSeenAt < RELEASES_FRESH_MS) {
      const reading = { releases: listReleases(db).then(newestFirst), at }
      // A failed read is not kept: the next request reads again.
      reading.releases.catch(() => {
        if (read === reading) read = undefined
      })
      read = reading
    }
    return read.releases
  }

  return {
    byVersion,
    async current(place) {
      const release = liveRelease(await releases(), now(), place)
      if (!release) throw new Error('No catalog is published: load the demo catalog with npm run db:seed, or publish one in the console.')
      return byVersion(release.catalogVersion)
    },
  }
}
