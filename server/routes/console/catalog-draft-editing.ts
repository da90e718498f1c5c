import { Hono } from 'hono'
import { allow, type ConsoleEnv } from '../../console/access'
import { AppError } from '../../errors'
import type { Services } from '../../services/services'

/**
 * The draft editor's form posts (/api/console/catalog/drafts/:id/offerings/:slug and /components):
 * one offering, or the component list, replaced in the draft's price book. Mounted beside the drafts'
 * own routes under the same prefix.
 */
export function catalogDraftEditingRoutes(_services: Services) {
  const editors = () => allow('marketing', 'admin')
  return new Hono<ConsoleEnv>()
    .post('/:id/offerings/:slug', editors(), async () => {
      throw new AppError('not_found', 'The draft editor is not available yet.')
    })
    .post('/:id/components', editors(), async () => {
      throw new AppError('not_found', 'The draft editor is not available yet.')
    })
}
