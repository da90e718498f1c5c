import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { findTenant } from '../repositories/tenants-repository'

/** What the win-back code and assisted-quote forms take over from a tenant of a building's list. */
export interface TenantPrefill {
  buildingId: string
  company: string
  creditCode: string
  contactName: string
  email: string
}

/**
 * A tenant's company and contact for a console form opened from it (`?building=…&tenant=…`), when the
 * building is one the user works with; otherwise nothing (the form opens empty, nothing is revealed).
 */
export async function tenantPrefill(db: Kysely<Database>, scope: 'all' | readonly string[], buildingId: string | null, tenantId: string | null): Promise<TenantPrefill | undefined> {
  if (!buildingId || !tenantId || (scope !== 'all' && !scope.includes(buildingId))) return undefined
  const tenant = await findTenant(db, buildingId, tenantId)
  if (!tenant) return undefined
  return { buildingId, company: tenant.company, creditCode: tenant.credit_code ?? '', contactName: tenant.contact_name ?? '', email: tenant.email ?? '' }
}
