import type { Migration, MigrationProvider } from 'kysely'
import * as catalogBuildingsQuotes from './0001-catalog-buildings-quotes'
import * as leadsLandingViews from './0002-leads-landing-views'
import * as orders from './0003-orders'
import * as rateLimits from './0004-rate-limits'
import * as paymentDeadlinesOfferCodeHolders from './0005-payment-deadlines-offer-code-holders'
import * as staff from './0006-staff'
import * as orderInvoices from './0007-order-invoices'
import * as emailVerifications from './0008-email-verifications'
import * as orderQueueIndexes from './0009-order-queue-indexes'
import * as installSlotLocks from './0010-install-slot-locks'
import * as orderQueueStatusIndex from './0011-order-queue-status-index'
import * as leadLifecycle from './0012-lead-lifecycle'
import * as tenants from './0013-tenants'
import * as winbackCodesAssistedQuotes from './0014-winback-codes-assisted-quotes'
import * as orderSearchGrams from './0015-order-search-grams'
import * as emailVisits from './0016-email-visits'
import * as campaigns from './0017-campaigns'
import * as catalogDraftsReleases from './0018-catalog-drafts-releases'
import * as unloggedRateLimits from './0019-unlogged-rate-limits'
import * as bookedInstallsIndex from './0020-booked-installs-index'
import * as orderWriteIndexes from './0021-order-write-indexes'
import * as orderSearchBacklog from './0022-order-search-backlog'
import * as quoteJsonLz4 from './0023-quote-json-lz4'

/** A static list: a folder-reading provider breaks once the server is bundled. */
const migrations: Record<string, Migration> = {
  '0001-catalog-buildings-quotes': catalogBuildingsQuotes,
  '0002-leads-landing-views': leadsLandingViews,
  '0003-orders': orders,
  '0004-rate-limits': rateLimits,
  '0005-payment-deadlines-offer-code-holders': paymentDeadlinesOfferCodeHolders,
  '0006-staff': staff,
  '0007-order-invoices': orderInvoices,
  '0008-email-verifications': emailVerifications,
  '0009-order-queue-indexes': orderQueueIndexes,
  '0010-install-slot-locks': installSlotLocks,
  '0011-order-queue-status-index': orderQueueStatusIndex,
  '0012-lead-lifecycle': leadLifecycle,
  '0013-tenants': tenants,
  '0014-winback-codes-assisted-quotes': winbackCodesAssistedQuotes,
  '0015-order-search-grams': orderSearchGrams,
  '0016-email-visits': emailVisits,
  '0017-campaigns': campaigns,
  '0018-catalog-drafts-releases': catalogDraftsReleases,
  '0019-unlogged-rate-limits': unloggedRateLimits,
  '0020-booked-installs-index': bookedInstallsIndex,
  '0021-order-write-indexes': orderWriteIndexes,
  '0022-order-search-backlog': orderSearchBacklog,
  '0023-quote-json-lz4': quoteJsonLz4,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
