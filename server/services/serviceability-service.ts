import { checkServiceability } from '../domain/serviceability'
import { AppError } from '../errors'
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
  const catalog = await services.catalogs.current()
  const unknown = items.filter((item) => !catalog.components.has(item.code))
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_request',
      'Unknown component codes.',
      unknown.map((item) => ({ path: 'items', message: `unknown component ${item.code}` })),
    )
  }
  const offering = offeringSlug ? catalog.offerings.get(offeringSlug) : undefined
  const broadbandChoices = [...catalog.components.values()].filter(
    (component) => component.speedMbps && (!offering || offering.items.some((item) => item.code === component.code)),
  )
  const { building, manager } = found
  const result = checkServiceability(
    { freeFibrePorts: building.free_fibre_ports, freeVoicePorts: building.free_voice_ports, maxBroadbandMbps: building.max_broadband_mbps },
    items.map((item) => ({ component: catalog.components.get(item.code)!, count: item.count })),
    broadbandChoices,
  )
  return {
    building: buildingSummary(building),
    ...result,
    manager: manager ? managerContact(manager) : null,
    // Without a manager, the building's district queue at operations follows up.
    queue: manager ? null : { district: building.district },
  }
}
