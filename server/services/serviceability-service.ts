import type { BuildingRow } from '../../db/schema'
import { checkServiceability, speedRefusal, type BuildingCapacity, type RequestedComponent, type SpeedRefusal, type UnavailableChoice } from '../domain/serviceability'
import { AppError } from '../errors'
import type { Catalog } from '../pricing/catalog'
import type { Component, Offering } from '../pricing/catalog-schema'
import { kindOf } from '../pricing/rules/registry'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import { buildingSummary, managerContact } from './building-presenter'
import type { Services } from './services'

/** Can this building deliver these items (of this offering)? With the manager who follows up. */
export async function buildingServiceability(
  services: Services,
  buildingId: string,
  items: { code: string; count: number }[],
  offeringSlug?: string,
) {
  const found = await findBuildingWithManager(services.db, buildingId)
  if (!found) throw new AppError('building_not_found', 'There is no building with this id.')
  const catalog = await services.catalogs.current({ buildingId, district: found.building.district })
  const unknown = items.filter((item) => !catalog.components.has(item.code))
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_request',
      'Unknown component codes.',
      unknown.map((item) => ({ path: 'items', message: `unknown component ${item.code}` })),
    )
  }
  const offering = offeringSlug ? catalog.offerings.get(offeringSlug) : undefined
  const { building, manager } = found
  const result = checkServiceability(
    capacityOf(building),
    items.map((item) => ({ component: catalog.components.get(item.code)!, count: item.count })),
    broadbandChoices(catalog, offering),
  )
  return {
    building: buildingSummary(building),
    ...result,
    manager: manager ? managerContact(manager) : null,
    // Without a manager, the building's district queue at operations follows up.
    queue: manager ? null : { district: building.district },
  }
}

/** What will be installed or delivered, as the offering's rule says: the requested items plus package contents. */
export function deliveredComponents(
  catalog: Catalog,
  offering: Offering,
  items: Record<string, number>,
  options: Record<string, string>,
): RequestedComponent[] {
  const requested = Object.entries(items).map(([code, count]) => ({ code, count }))
  return kindOf(offering.rule)
    .delivers(offering.rule, requested, options)
    .map((item) => ({ component: catalog.components.get(item.code)!, count: item.count }))
}

/**
 * The listed offerings this building can serve as they are sold at their least: each required component at
 * its minimum count and, where a speed must be chosen, the slowest. An offering whose least needs more
 * speed or ports than the building has left is not offered here (a survey may still find capacity).
 */
export function offeringsServableAt(building: BuildingRow, catalog: Catalog): Offering[] {
  return [...catalog.offerings.values()].filter((offering) => {
    if (!offering.listed) return false
    const grouped = new Set(offering.itemGroups.flatMap((group) => group.codes))
    const slowest = (codes: string[]) =>
      [...codes].sort((a, b) => (catalog.components.get(a)!.speedMbps ?? 0) - (catalog.components.get(b)!.speedMbps ?? 0))[0]
    const least = [
      ...offering.items.filter((item) => !grouped.has(item.code) && item.min > 0).map((item) => ({ code: item.code, count: item.min })),
      ...offering.itemGroups.filter((group) => group.min > 0).map((group) => ({ code: slowest(group.codes), count: 1 })),
    ]
    const delivered = deliveredComponents(catalog, offering, Object.fromEntries(least.map((item) => [item.code, item.count])), {})
    return checkServiceability(capacityOf(building), delivered, broadbandChoices(catalog, offering)).result === 'qualified'
  })
}

/**
 * Refuses (422 `service_unavailable`) what this building can never deliver, a speed above its
 * maximum, with the speed it does carry as the alternative. A quote and an order both ask, so a
 * customer is never sold what cannot be installed; missing ports only make the order a survey.
 */
export function assertServiceable(building: BuildingRow, catalog: Catalog, offering: Offering, delivered: RequestedComponent[]): void {
  const refused = refusalAt(building, catalog, offering, delivered)
  if (!refused) return
  throw new AppError(
    'service_unavailable',
    `The building cannot serve ${refused.items.map((item) => item.code).join(', ')}.`,
    refused.items.map((item) => ({ path: `items.${item.code}`, message: `this building carries at most ${building.max_broadband_mbps} Mbps` })),
    refused.alternatives,
  )
}

/** The offering's choices this building can never serve (the configurator disables them), with what it offers instead. */
export function unservableChoices(building: BuildingRow, catalog: Catalog, offering: Offering): UnavailableChoice[] {
  const everyChoice = offering.items.map((item) => ({ component: catalog.components.get(item.code)!, count: 1 }))
  const refused = refusalAt(building, catalog, offering, everyChoice)
  if (!refused) return []
  return refused.items.map((item) => {
    const instead = refused.alternatives.find((alternative) => alternative.replaces === item.code)?.code
    return { code: item.code, maxMbps: building.max_broadband_mbps, ...(instead ? { instead } : {}) }
  })
}

function refusalAt(building: BuildingRow, catalog: Catalog, offering: Offering, requested: RequestedComponent[]): SpeedRefusal | undefined {
  const capacity = capacityOf(building)
  const choices = broadbandChoices(catalog, offering)
  return speedRefusal(capacity, checkServiceability(capacity, requested, choices), choices)
}

function capacityOf(building: BuildingRow): BuildingCapacity {
  return { freeFibrePorts: building.free_fibre_ports, freeVoicePorts: building.free_voice_ports, maxBroadbandMbps: building.max_broadband_mbps }
}

/** The speeds an alternative may be: the offering's own, or every speed when no offering is named. */
function broadbandChoices(catalog: Catalog, offering: Offering | undefined): Component[] {
  return [...catalog.components.values()].filter(
    (component) => component.speedMbps && (!offering || offering.items.some((item) => item.code === component.code)),
  )
}
