import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { changedFields, cleanTenant, companyNameKey, type TenantField, type TenantValues } from '../domain/tenant-cleaning'
import { AppError } from '../errors'
import { recordAudit, type AuditActor } from '../repositories/audit-repository'
import { editedFieldsOf, findTenant, listTenants, tenantColumnOf, tenantColumns, tenantValuesOf, type TenantRow } from '../repositories/tenants-repository'
import { isUniqueViolation } from '../services/database-errors'
import type { Services } from '../services/services'
import { buildingInScope } from './building-scope'
import type { StaffIdentity } from './sessions'

/** A tenant as the console shows it, with the fields a manager edited by hand (imports leave those alone). */
export interface TenantView extends TenantValues {
  id: string
  buildingId: string
  editedFields: TenantField[]
  createdAt: string
  updatedAt: string
}

export interface TenantPage {
  tenants: TenantView[]
  total: number
  page: number
  pages: number
}

const PAGE = 100

const viewOf = (row: TenantRow): TenantView => ({
  id: row.id,
  buildingId: row.building_id,
  ...tenantValuesOf(row),
  editedFields: editedFieldsOf(row),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

/** A building's tenants by name, a page at a time (search: name, credit code or mobile). */
export async function buildingTenants(services: Pick<Services, 'db'>, staff: StaffIdentity, buildingId: string, query: { q?: string; page?: number }): Promise<TenantPage> {
  await buildingInScope(services.db, staff, buildingId)
  const page = Math.max(1, query.page ?? 1)
  const { tenants, total } = await listTenants(services.db, buildingId, { q: query.q, offset: (page - 1) * PAGE, limit: PAGE })
  return { tenants: tenants.map(viewOf), total, page, pages: Math.max(1, Math.ceil(total / PAGE)) }
}

async function tenantRow(db: Kysely<Database>, staff: StaffIdentity, buildingId: string, tenantId: string): Promise<TenantRow> {
  await buildingInScope(db, staff, buildingId)
  const row = await findTenant(db, buildingId, tenantId)
  if (!row) throw new AppError('tenant_not_found', 'There is no such tenant in this building.')
  return row
}

export async function tenantOf(services: Pick<Services, 'db'>, staff: StaffIdentity, buildingId: string, tenantId: string): Promise<TenantView> {
  return viewOf(await tenantRow(services.db, staff, buildingId, tenantId))
}

const conflict = () => new AppError('tenant_conflict', 'Another tenant of this building already has this name or credit code.')

/**
 * A manager's correction: the fields sent (an empty one clears the value; the company is required),
 * cleaned as an import cleans them. Every field it changes is marked edited by hand, so no import
 * overwrites it; a corrected name is still recognised in later lists under the name they spell.
 */
export async function editTenant(
  services: Pick<Services, 'db' | 'now'>,
  staff: StaffIdentity,
  actor: AuditActor,
  buildingId: string,
  tenantId: string,
  input: Partial<Record<TenantField, string>>,
): Promise<TenantView> {
  const { db } = services
  const row = await tenantRow(db, staff, buildingId, tenantId)
  const before = tenantValuesOf(row)
  const asText = (value: string | number | null) => (value === null ? '' : String(value))
  const raw = Object.fromEntries(Object.entries(before).map(([field, value]) => [field, input[field as TenantField] ?? asText(value)]))
  const cleaned = cleanTenant(raw)
  if ('issues' in cleaned) throw new AppError('invalid_request', 'Some values are not valid.', cleaned.issues.map((issue) => ({ path: issue.field, message: issue.reason })))
  const changed = changedFields(before, cleaned.values)
  if (changed.length === 0) return viewOf(row)

  const nameKey = companyNameKey(cleaned.values.company)
  const clash = await db
    .selectFrom('tenants')
    .select('id')
    .where('building_id', '=', buildingId)
    .where('id', '<>', tenantId)
    .where((eb) =>
      eb.or([
        eb('name_key', '=', nameKey),
        eb('listed_name_key', '=', nameKey),
        ...(cleaned.values.creditCode && changed.includes('creditCode') ? [eb('credit_code', '=', cleaned.values.creditCode)] : []),
      ]),
    )
    .executeTakeFirst()
  if (clash) throw conflict()

  const edited = [...new Set([...editedFieldsOf(row), ...changed])]
  const now = services.now()
  try {
    await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('tenants')
        .set({
          ...tenantColumns(cleaned.values, changed),
          name_key: nameKey,
          // The name the lists spell stays known once a manager corrects it.
          listed_name_key: changed.includes('company') ? (row.listed_name_key ?? row.name_key) : row.listed_name_key,
          edited_fields: JSON.stringify(edited),
          updated_at: now.toISOString(),
        })
        .where('id', '=', tenantId)
        .where('edited_fields', '=', row.edited_fields)
        .where((eb) => eb.and(changed.map((field) => (before[field] === null ? eb(tenantColumnOf[field], 'is', null) : eb(tenantColumnOf[field], '=', before[field]!)))))
        .executeTakeFirst()
      // Changed meanwhile (an import, another edit): the manager looks again rather than overwrite it.
      if (Number(result.numUpdatedRows) !== 1) throw new AppError('tenant_conflict', 'This tenant was changed meanwhile; please look at it again.')
      const pick = (values: TenantValues) => Object.fromEntries(changed.map((field) => [field, values[field]]))
      await recordAudit(trx, { actor, action: 'tenant.edited', subject: { kind: 'tenant', id: tenantId }, before: pick(before), after: pick(cleaned.values) }, now)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict()
    throw error
  }
  return tenantOf(services, staff, buildingId, tenantId)
}
