import { Hono } from 'hono'
import { allow, type ConsoleEnv } from '../../console/access'
import { AppError } from '../../errors'
import type { Services } from '../../services/services'

/**
 * A draft's impact preview as JSON (/api/console/catalog/drafts/:id/impact): who pays more or less
 * under the draft than under today's catalog, and its changed offerings' texts side by side.
 * Mounted beside the drafts' own routes under the same prefix.
 */
export function catalogDraftImpactRoutes(_services: Services) {
  return new Hono<ConsoleEnv>().get('/:id/impact', allow('marketing', 'approver', 'admin'), async () => {
    throw new AppError('not_found', 'The impact preview is not available yet.')
  })
}
