import { Hono } from 'hono'
import { searchBuildings } from '../repositories/buildings-repository'
import { idParamSchema } from '../schemas/params'
import { buildingSearchQuerySchema, serviceabilityQuerySchema } from '../schemas/buildings'
import { buildingSummary } from '../services/building-presenter'
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
}
