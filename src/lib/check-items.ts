import type { Catalog } from '../../server/pricing/catalog'
import type { Offering } from '../../server/pricing/catalog-schema'
import { kindOf } from '../../server/pricing/rules/registry'

/**
 * What a building check asks of a building for a bundle: its fastest broadband and the voice ports
 * its lines need. Without a bundle, the most demanding common case (1000M and a line).
 */
export function itemsToCheck(catalog: Catalog, offering: Offering | undefined): { code: string; count: number }[] {
  const candidates = offering
    ? kindOf(offering.rule).delivers(
        offering.rule,
        offering.items.map((item) => ({ code: item.code, count: Math.max(item.min, 1) })),
        {},
      )
    : [...catalog.components.values()].map((component) => ({ code: component.code, count: 1 }))
  const components = candidates.map((item) => ({ ...item, component: catalog.components.get(item.code)! }))
  const fastest = components
    .filter((item) => item.component.speedMbps)
    .sort((a, b) => b.component.speedMbps! - a.component.speedMbps!)[0]
  const voice = components.find((item) => item.component.needs.voicePorts)
  return [fastest, voice].filter((item) => item !== undefined).map(({ code, count }) => ({ code, count }))
}
