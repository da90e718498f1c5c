import { Hono } from 'hono'
import { AppError } from '../errors'
import { listedOfferings, offeringDetail, offeringSummary } from '../services/offering-presenter'
import type { Services } from '../services/services'

export function offeringsRoutes(services: Services) {
  return new Hono()
    .get('/', async (c) => {
      const catalog = await services.catalogs.current()
      return c.json({ catalogVersion: catalog.version, offerings: listedOfferings(catalog).map((offering) => offeringSummary(catalog, offering)) })
    })
    .get('/:slug', async (c) => {
      const catalog = await services.catalogs.current()
      const offering = catalog.offerings.get(c.req.param('slug'))
      if (!offering || !offering.listed) throw new AppError('offering_not_found', `There is no offering called ${c.req.param('slug')}.`)
      return c.json(offeringDetail(catalog, offering))
    })
}
