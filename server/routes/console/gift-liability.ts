import { Hono, type Context } from 'hono'
import { allow, type ConsoleEnv } from '../../console/access'
import { giftLiabilityCsv, giftLiabilityCsvName } from '../../catalog-management/gift-liability/csv'
import { giftLiabilityQuerySchema, giftLiabilityReport, type GiftLiabilityQuery } from '../../catalog-management/gift-liability/report'
import type { Services } from '../../services/services'
import { validate } from '../../validation'

/** Who reads the catalog (issue 14 design): marketing, approvers and admins. */
const readers = () => allow('marketing', 'approver', 'admin')

/**
 * The gift liability report (/api/console/catalog/gift-liability): JSON, or CSV with ?format=csv or
 * at /report.csv; ?from=YYYY-MM (default this Shanghai month), ?months=1..36 (12), ?lang=zh|en (CSV).
 */
export function giftLiabilityRoutes(services: Services) {
  const csv = async (c: Context<ConsoleEnv>, query: GiftLiabilityQuery) => {
    const report = await giftLiabilityReport(services, query)
    return c.body(giftLiabilityCsv(report, query.lang), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${giftLiabilityCsvName(report)}"`,
    })
  }
  return new Hono<ConsoleEnv>()
    .get('/', readers(), validate('query', giftLiabilityQuerySchema), async (c) => {
      const query = c.req.valid('query')
      return query.format === 'csv' ? csv(c, query) : c.json(await giftLiabilityReport(services, query))
    })
    .get('/report.csv', readers(), validate('query', giftLiabilityQuerySchema), async (c) => csv(c, c.req.valid('query')))
}
