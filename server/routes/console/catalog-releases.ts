import { Hono } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { isFormPost, sameSitePath, withParam } from '../../console/forms'
import { withdrawRelease } from '../../catalog-management/lifecycle'
import { releaseHistory } from '../../catalog-management/releases'
import type { Services } from '../../services/services'

/** The catalog's releases (/api/console/catalog/releases): what is live, scheduled, piloted and past; an approver withdraws one not yet live. */
export function catalogReleasesRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', allow('marketing', 'approver', 'admin'), async (c) => c.json({ releases: await releaseHistory(services) }))
    .post('/:id/withdraw', allow('approver'), async (c) => {
      await withdrawRelease(services, staffOf(c), c.req.param('id'))
      if (!isFormPost(c)) return c.json({ withdrawn: true })
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      return c.redirect(withParam(sameSitePath(form.return, '/console/catalog'), 'done', 'release_withdrawn'), 303)
    })
}
