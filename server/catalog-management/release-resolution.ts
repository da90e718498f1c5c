import type { District } from '../domain/districts'

/**
 * Which catalog version applies, decided from the releases alone (pure: no clock, no I/O).
 *
 * A release is live from its publish time until its end (if it has one) and covers everywhere, or only
 * its pilot districts and buildings. At a place, the live release published last wins; with no place
 * (a landing page, the catalog API without a building) only releases covering everywhere count, so a
 * pilot's offerings are offered in the pilot area and nowhere else.
 */
export interface Release {
  id: string
  catalogVersion: string
  draftId: string | null
  publishAt: string
  validUntil: string | null
  /** null: no district limit. Together with buildingIds: a building is in scope if either names it. */
  districts: District[] | null
  buildingIds: string[] | null
  releasedBy: string | null
  createdAt: string
  /** Withdrawn before its time by an approver: it never applies. */
  withdrawnAt: string | null
}

/** Where a catalog is asked for: the building a quote or a building check is for. */
export interface Place {
  buildingId: string
  district: string
}

export const coversEverywhere = (release: Pick<Release, 'districts' | 'buildingIds'>): boolean => release.districts === null && release.buildingIds === null

export function coversPlace(release: Pick<Release, 'districts' | 'buildingIds'>, place?: Place): boolean {
  if (coversEverywhere(release)) return true
  if (!place) return false
  return (release.districts ?? []).some((district) => district === place.district) || (release.buildingIds ?? []).includes(place.buildingId)
}

export const isLive = (release: Pick<Release, 'publishAt' | 'validUntil' | 'withdrawnAt'>, now: Date): boolean => isLiveAt(release, now.toISOString())

const isLiveAt = (release: Pick<Release, 'publishAt' | 'validUntil' | 'withdrawnAt'>, at: string): boolean =>
  release.withdrawnAt === null && release.publishAt <= at && (release.validUntil === null || at < release.validUntil)

/** Later publish time first; one instant's releases by when they were made. */
const newerFirst = (a: Release, b: Release) => b.publishAt.localeCompare(a.publishAt) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)

/** The releases in the order they win: a list kept in this order is sorted once, not per request. */
export const newestFirst = (releases: readonly Release[]): Release[] => [...releases].sort(newerFirst)

/** The release in force at `now` (and `place`) among releases in newestFirst order. */
export function liveRelease(ordered: readonly Release[], now: Date, place?: Place): Release | undefined {
  const at = now.toISOString()
  return ordered.find((release) => isLiveAt(release, at) && coversPlace(release, place))
}

export type ReleaseState = 'scheduled' | 'live' | 'superseded' | 'ended' | 'withdrawn'

/**
 * What a release is now, for the console: waiting for its time, live (the general catalog, or a pilot
 * where it applies), replaced by a later release of the same reach, past its end, or withdrawn.
 */
export function releaseState(release: Release, releases: readonly Release[], now: Date): ReleaseState {
  if (release.withdrawnAt !== null) return 'withdrawn'
  if (!isLive(release, now)) return release.publishAt > now.toISOString() ? 'scheduled' : 'ended'
  const newerCovering = releases.some(
    (other) => other !== release && isLive(other, now) && newerFirst(other, release) < 0 && (coversEverywhere(other) || sameScope(other, release)),
  )
  return newerCovering ? 'superseded' : 'live'
}

const sameScope = (a: Release, b: Release) => JSON.stringify([a.districts, a.buildingIds]) === JSON.stringify([b.districts, b.buildingIds])
