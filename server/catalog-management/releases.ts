import { listReleases } from '../repositories/catalog-releases-repository'
import { releaseState, type Release, type ReleaseState } from './release-resolution'
import type { CatalogServices } from './lifecycle/context'

export interface ReleaseView extends Release {
  state: ReleaseState
  draftTitle: string | null
  releasedByName: string | null
}

/** Every release, newest first, with what each is now (scheduled, live, superseded, ended). */
export async function releaseHistory(services: Pick<CatalogServices, 'db' | 'now'>): Promise<ReleaseView[]> {
  const [releases, drafts, staff] = await Promise.all([
    listReleases(services.db),
    services.db.selectFrom('catalog_drafts').select(['id', 'title']).where('status', '=', 'approved').execute(),
    services.db.selectFrom('staff_users').innerJoin('catalog_releases', 'catalog_releases.released_by', 'staff_users.id').select(['staff_users.id', 'staff_users.display_name']).distinct().execute(),
  ])
  const titles = new Map(drafts.map((draft) => [draft.id, draft.title]))
  const names = new Map(staff.map((user) => [user.id, user.display_name]))
  const now = services.now()
  return releases
    .map((release) => ({
      ...release,
      state: releaseState(release, releases, now),
      draftTitle: release.draftId ? (titles.get(release.draftId) ?? null) : null,
      releasedByName: release.releasedBy ? (names.get(release.releasedBy) ?? null) : null,
    }))
    .reverse()
}
