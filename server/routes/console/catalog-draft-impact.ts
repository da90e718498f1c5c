import { Hono } from 'hono'
import { allow, type ConsoleEnv } from '../../console/access'
import { findDraft } from '../../catalog-management/drafts'
import { draftImpact } from '../../catalog-management/impact/draft-impact'
import type { Services } from '../../services/services'

/**
 * A draft's impact preview as JSON (/api/console/catalog/drafts/:id/impact): who pays more or less
 * under the draft than under today's catalog, and its changed offerings' texts side by side.
 * Mounted beside the drafts' own routes under the same prefix.
 */
export function catalogDraftImpactRoutes(services: Services) {
  return new Hono<ConsoleEnv>().get('/:id/impact', allow('marketing', 'approver', 'admin'), async (c) =>
    c.json(await draftImpact(services, await findDraft(services, c.req.param('id')))),
  )
}
