import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate'
import { createEmptyDatabase, databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('migrations on %s', (kind) => {
  it('apply to an empty database once, then report nothing to do', async () => {
    const database = await createEmptyDatabase(kind)
    try {
      expect(await migrateToLatest(database.db)).toEqual(['0001-catalog-buildings-quotes', '0002-leads-landing-views', '0003-orders', '0004-rate-limits', '0005-payment-deadlines-offer-code-holders', '0006-staff', '0007-order-invoices', '0008-email-verifications', '0009-order-queue-indexes', '0010-install-slot-locks', '0011-order-queue-status-index', '0012-lead-lifecycle', '0013-tenants', '0014-winback-codes-assisted-quotes', '0015-order-search-grams', '0016-email-visits', '0017-campaigns', '0018-catalog-drafts-releases', '0019-unlogged-rate-limits', '0020-booked-installs-index', '0021-order-write-indexes', '0022-order-search-backlog', '0023-quote-json-lz4'])
      expect(await migrateToLatest(database.db)).toEqual([])
      const tables = (await database.db.introspection.getTables()).map((table) => table.name)
      expect(tables).toEqual(expect.arrayContaining(['catalog_versions', 'catalog_offerings', 'buildings', 'building_managers', 'offer_codes', 'quotes', 'leads', 'landing_views', 'orders', 'order_items', 'work_orders', 'order_events', 'outbox', 'idempotency_keys', 'stripe_events', 'rate_limits', 'form_flashes', 'campaign_values', 'staff_users', 'staff_user_roles', 'staff_sessions', 'audit_log', 'order_invoices', 'email_verifications', 'install_slot_locks', 'lead_notes', 'tenants', 'tenant_imports', 'order_search_grams', 'assisted_quotes', 'email_visits', 'email_visit_recipients', 'email_suppressions', 'campaigns', 'campaign_offerings', 'campaign_buildings']))
      const quotes = (await database.db.introspection.getTables()).find((table) => table.name === 'quotes')!
      const moneyColumns = quotes.columns.filter((column) => column.name.endsWith('_fen'))
      expect(moneyColumns.map((column) => column.dataType.toLowerCase())).toEqual(moneyColumns.map(() => (kind === 'sqlite' ? 'bigint' : 'int8')))
    } finally {
      await database.drop()
    }
  })
})
