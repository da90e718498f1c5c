import type { Release } from '../../server/catalog-management/release-resolution'
import { districtNames } from '../../server/domain/districts'
import { consoleCatalogText } from './console-catalog-text'
import type { Lang } from './lang'

/** Where a release applies, in words: everywhere, or its pilot districts and the number of its buildings. */
export function releaseWhere(release: Pick<Release, 'districts' | 'buildingIds'>, lang: Lang): string {
  const text = consoleCatalogText[lang]
  const parts = [...(release.districts ?? []).map((district) => districtNames[district][lang]), ...(release.buildingIds ? [text.buildings(release.buildingIds.length)] : [])]
  return parts.join(lang === 'zh' ? '、' : ', ') || text.everywhere
}
