import { Hono } from 'hono'
import { allow, type ConsoleEnv } from '../../console/access'
import { releaseHistory } from '../../catalog-management/releases'
import type { Services } from '../../services/services'

/** The catalog's releases (/api/console/catalog/releases): what is live, scheduled, piloted and past. */
export function catalogReleasesRoutes(services: Services) {
  return new Hono<ConsoleEnv>().get('/', allow('marketing', 'approver', 'admin'), async (c) => c.json({ releases: await releaseHistory(services) }))
}
