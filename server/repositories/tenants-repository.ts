import { randomUUID } from 'node:crypto'
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { tenantFields, type TenantField, type TenantValues } from '../domain/tenant-cleaning'
import type { ExistingTenant } from '../domain/tenant-merge'

type Db = Kysely<Database> | Transaction<Database>
export type TenantRow = Selectable<Database['tenants']>

/** Each field's column. */
export const tenantColumnOf = {
  company: 'company',
  creditCode: 'credit_code',
  floor: 'floor',
  unit: 'unit',
  contactName: 'contact_name',
  mobile: 'mobile',
  email: 'email',
  staffSize: 'staff_size',
  carrier: 'carrier',
} as const satisfies Record<TenantField, keyof TenantRow>

export const tenantValuesOf = (row: TenantRow): TenantValues => ({
  company: row.company,
  creditCode: row.credit_code,
  floor: row.floor,
  unit: row.unit,
  contactName: row.contact_name,
  mobile: row.mobile,
  email: row.email,
  staffSize: row.staff_size,
  carrier: row.carrier,
})

export const editedFieldsOf = (row: Pick<TenantRow, 'edited_fields'>): TenantField[] =>
  (JSON.parse(row.edited_fields) as string[]).filter((field): field is TenantField => (tenantFields as readonly string[]).includes(field))

/** The columns to set for these fields' values. */
export function tenantColumns(values: TenantValues, fields: readonly TenantField[]): Partial<Insertable<Database['tenants']>> {
  return Object.fromEntries(fields.map((field) => [tenantColumnOf[field], values[field]]))
}

export function newTenantRow(buildingId: string, values: TenantValues, nameKey: string, importId: string | null, now: string): Insertable<Database['tenants']> {
  return {
    id: randomUUID(),
    building_id: buildingId,
    ...(tenantColumns(values, tenantFields) as Pick<Insertable<Database['tenants']>, 'company'>),
    name_key: nameKey,
    listed_name_key: null,
    edited_fields: '[]',
    import_id: importId,
    created_at: now,
    updated_at: now,
  }
}

/** The tenants of these buildings, as the merge sees them, by building. */
export async function existingTenants(db: Db, buildingIds: string[]): Promise<Map<string, (ExistingTenant & { editedJson: string })[]>> {
  const byBuilding = new Map<string, (ExistingTenant & { editedJson: string })[]>()
  if (buildingIds.length === 0) return byBuilding
  const rows = await db.selectFrom('tenants').selectAll().where('building_id', 'in', buildingIds).execute()
  for (const row of rows) {
    const list = byBuilding.get(row.building_id) ?? []
    list.push({
      id: row.id,
      values: tenantValuesOf(row),
      nameKeys: row.listed_name_key ? [row.name_key, row.listed_name_key] : [row.name_key],
      edited: new Set(editedFieldsOf(row)),
      editedJson: row.edited_fields,
    })
    byBuilding.set(row.building_id, list)
  }
  return byBuilding
}

/** Keeps each building's tenant count (the target mark reads it) equal to its rows. */
export async function recountTenants(db: Db, buildingIds: string[]): Promise<void> {
  if (buildingIds.length === 0) return
  await db
    .updateTable('buildings')
    .set({ tenant_companies: sql<number>`(select count(*) from tenants where tenants.building_id = buildings.id)` })
    .where('id', 'in', buildingIds)
    .execute()
}

export async function findTenant(db: Db, buildingId: string, tenantId: string): Promise<TenantRow | undefined> {
  return db.selectFrom('tenants').selectAll().where('id', '=', tenantId).where('building_id', '=', buildingId).executeTakeFirst()
}

export interface TenantListQuery {
  q?: string
  offset: number
  limit: number
}

/** A building's tenants by name, optionally those whose name, credit code or mobile contains `q`. */
export async function listTenants(db: Db, buildingId: string, query: TenantListQuery): Promise<{ tenants: TenantRow[]; total: number }> {
  let base = db.selectFrom('tenants').where('building_id', '=', buildingId)
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(company)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(coalesce(credit_code, ''))`, 'like', sql`${like} escape '\\'`),
        eb(sql`coalesce(mobile, '')`, 'like', sql`${like} escape '\\'`),
      ]),
    )
  }
  const [tenants, count] = await Promise.all([
    base.selectAll().orderBy('name_key').orderBy('id').offset(query.offset).limit(query.limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { tenants, total: Number(count.total) }
}
