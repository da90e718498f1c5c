/**
 * A building worth targeting (the operator's method): 40 or more tenant companies, its network can
 * deliver every promoted bundle (the catalog's listed offerings, each as sold at its least), and no
 * competitor holds it exclusively. What keeps a building from being one is said, so staff know
 * what would change it.
 */
export const TARGET_MIN_TENANTS = 40

export type TargetGap = 'few_tenants' | 'cannot_serve' | 'competitor_exclusive'

export interface TargetMark {
  target: boolean
  gaps: TargetGap[]
}

export function targetMark(building: { tenantCompanies: number; competitorExclusive: boolean; unservedPromoted: number }): TargetMark {
  const gaps: TargetGap[] = []
  if (building.tenantCompanies < TARGET_MIN_TENANTS) gaps.push('few_tenants')
  if (building.unservedPromoted > 0) gaps.push('cannot_serve')
  if (building.competitorExclusive) gaps.push('competitor_exclusive')
  return { target: gaps.length === 0, gaps }
}
