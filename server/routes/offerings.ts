import { Hono } from 'hono'
import { AppError } from '../errors'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import { listedOfferings, offeringDetail, offeringSummary } from '../services/offering-presenter'
import { derivedOnce } from '../services/catalog-derived'
import type { Services } from '../services/services'

const JSON_CONTENT = { 'content-type': 'application/json' }

/**
 * The catalog in force (GET /api/offerings, /api/offerings/:slug). With `?building=<id>`, as sold at
 * that building: a pilot's offerings exist only in its area.
 */
export function offeringsRoutes(services: Services) {
  const catalogFor = async (buildingId: string | undefined) => {
    if (buildingId === undefined) return services.catalogs.current()
    const found = await findBuildingWithManager(services.db, buildingId)
    if (!found) throw new AppError('building_not_found', 'There is no building with this id.', [{ path: 'building', message: 'unknown building' }])
    return services.catalogs.current({ buildingId, district: found.building.district })
  }
  return new Hono()
    .get('/', async (c) => {
      const catalog = await catalogFor(c.req.query('building'))
      // The same bytes for every request of a catalog version: serialized and UTF-8 encoded once (a
      // string answer is measured and encoded again on every request: 8 % of this route's time).
      const body = derivedOnce(catalog, 'api offerings', () => jsonBytes({ catalogVersion: catalog.version, offerings: listedOfferings(catalog).map((offering) => offeringSummary(catalog, offering)) }))
      return c.body(body, 200, JSON_CONTENT)
    })
    .get('/:slug', async (c) => {
      const catalog = await catalogFor(c.req.query('building'))
      const offering = catalog.offerings.get(c.req.param('slug'))
      if (!offering || !offering.listed) throw new AppError('offering_not_found', `There is no offering called ${c.req.param('slug')}.`)
      return c.body(derivedOnce(catalog, `api offering ${offering.slug}`, () => jsonBytes(offeringDetail(catalog, offering))), 200, JSON_CONTENT)
    })
}

const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value))
