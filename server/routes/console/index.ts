import { Hono } from 'hono'
import { identifyStaff, type ConsoleEnv } from '../../console/access'
import { answerForms } from '../../console/forms'
import type { Services } from '../../services/services'
import { buildingsRoutes, tenantImportsRoutes } from './buildings'
import { campaignsRoutes } from './campaigns'
import { catalogDraftImpactRoutes } from './catalog-draft-impact'
import { catalogDraftsRoutes } from './catalog-drafts'
import { catalogReleasesRoutes } from './catalog-releases'
import { catalogDraftEditingRoutes } from './catalog-draft-editing'
import { leadsRoutes } from './leads'
import { assistedQuotesRoutes } from './assisted-quotes'
import { emailVisitsRoutes } from './email-visits'
import { giftLiabilityRoutes } from './gift-liability'
import { offerCodesRoutes } from './offer-codes'
import { ordersRoutes } from './orders'
import { sessionRoutes } from './session'
import { usersRoutes } from './users'

/**
 * The staff console's API under /api/console. Every route declares who may call it (allow, allowSignedIn,
 * allowAnyone); one without a declaration is refused, and tests/http/console-routes.test.ts walks them all.
 */
export function consoleRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .use(answerForms)
    .use(identifyStaff(services))
    .route('/session', sessionRoutes(services))
    .route('/users', usersRoutes(services))
    .route('/orders', ordersRoutes(services))
    .route('/buildings', buildingsRoutes(services))
    .route('/tenant-imports', tenantImportsRoutes(services))
    .route('/offer-codes', offerCodesRoutes(services))
    .route('/assisted-quotes', assistedQuotesRoutes(services))
    .route('/leads', leadsRoutes(services))
    .route('/email-visits', emailVisitsRoutes(services))
    .route('/campaigns', campaignsRoutes(services))
    .route('/catalog/drafts', catalogDraftsRoutes(services))
    .route('/catalog/releases', catalogReleasesRoutes(services))
    .route('/catalog/drafts', catalogDraftImpactRoutes(services))
    .route('/catalog/gift-liability', giftLiabilityRoutes(services))
    .route('/catalog/drafts', catalogDraftEditingRoutes(services))
}
