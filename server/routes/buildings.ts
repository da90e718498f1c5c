import { Hono } from 'hono'
import { AppError } from '../errors'
import { findBuildingWithManager, searchBuildings } from '../repositories/buildings-repository'
import { idParamSchema } from '../schemas/params'
import { buildingSearchQuerySchema, serviceabilityQuerySchema } from '../schemas/buildings'
import { buildingSummary } from '../services/building-presenter'
import { availableInstallDays } from '../services/install-availability'
import { buildingServiceability } from '../services/serviceability-service'
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
      const { items, offering } = c.req.valid('query')
      return c.json(await buildingServiceability(services, c.req.valid('param').id, items, offering))
    })
    // The installation slots checkout may offer now: those the building allows with a crew of its district still free.
    .get('/:id/install-days', validate('param', idParamSchema), async (c) => {
      const found = await findBuildingWithManager(services.db, c.req.valid('param').id)
      if (!found) throw new AppError('building_not_found', 'There is no building with this id.')
      c.header('Cache-Control', 'no-store')
      return c.json({ days: await availableInstallDays(services.db, services.now(), found.building, services.orderPolicy.installCapacityPerHalfDay) })
    })
}
