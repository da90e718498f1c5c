import { Hono } from 'hono'
import { checkServiceability } from '../domain/serviceability'
import { AppError } from '../errors'
import { findBuildingWithManager, searchBuildings } from '../repositories/buildings-repository'
import { idParamSchema } from '../schemas/params'
import { buildingSearchQuerySchema, serviceabilityQuerySchema } from '../schemas/buildings'
import { buildingSummary, managerContact } from '../services/building-presenter'
import type { Services } from '../services/services'
import { validate } from '../validation'

export function buildingsRoutes(services: Services) {
  return new Hono()
    .get('/', validate('query', buildingSearchQuerySchema), async (c) => {
      const { q, limit } = c.req.valid('query')
      const buildings = await searchBuildings(services.db, q, limit)
      return c.json({ buildings: buildings.map(buildingSummary) })
    })
    .get('/:id/serviceability', validate('param', idParamSchema), validate('query', serviceabilityQuerySchema), async (c) => {
      const found = await findBuildingWithManager(services.db, c.req.valid('param').id)
      if (!found) throw new AppError('building_not_found', 'There is no building with this id.')
      const { items, offering: offeringSlug } = c.req.valid('query')
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
        {
          freeFibrePorts: building.free_fibre_ports,
          freeVoicePorts: building.free_voice_ports,
          maxBroadbandMbps: building.max_broadband_mbps,
        },
        items.map((item) => ({ component: catalog.components.get(item.code)!, count: item.count })),
        broadbandChoices,
      )
      return c.json({
        building: buildingSummary(building),
        ...result,
        manager: manager ? managerContact(manager) : null,
        // Without a manager, the building's district queue at operations follows up.
        queue: manager ? null : { district: building.district },
      })
    })
}
