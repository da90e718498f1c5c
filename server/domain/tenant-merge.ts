import { changedFields, companyNameKey, tenantFields, type TenantField, type TenantRefusal, type TenantValues } from './tenant-cleaning'

/*
 * Merging a building's cleaned rows into the tenants it already has (pure). A row is the same company
 * as a tenant (or an earlier row) with the same credit code, or else the same normalised name. A
 * matched tenant takes the row's values except where a manager edited the field by hand; an empty
 * cell never erases a value; within one file the first row to give a field wins and later rows only
 * fill gaps. So the same file merged twice changes nothing the second time.
 */

export interface ExistingTenant {
  id: string
  values: TenantValues
  /** The name keys it is found by: its name's, and the one the lists spelled before a hand correction. */
  nameKeys: string[]
  edited: ReadonlySet<TenantField>
}

export interface CleanRow {
  row: number
  values: TenantValues
}

export interface MergedTenant {
  /** Absent for a company new to the building. */
  existing?: ExistingTenant
  values: TenantValues
  /** For an existing tenant, the fields this file changed (not edited by hand); every field of a new one. */
  changed: TenantField[]
}

export interface BuildingMerge {
  inserts: MergedTenant[]
  updates: MergedTenant[]
  /** Existing tenants the file named without changing anything. */
  unchanged: number
  /** Rows that were the same company as an earlier row of the file. */
  merges: { row: number; into: number }[]
  refusals: { row: number; reason: TenantRefusal }[]
}

interface Entry {
  existing?: ExistingTenant
  values: TenantValues
  /** The first row of this file that named it. */
  firstRow: number | null
  /** Fields a row of this file has given: later rows do not replace them. */
  given: Set<TenantField>
}

export function mergeBuilding(existing: ExistingTenant[], rows: CleanRow[]): BuildingMerge {
  const entries: Entry[] = []
  const byCode = new Map<string, Entry>()
  const byName = new Map<string, Entry>()
  const merges: BuildingMerge['merges'] = []
  const refusals: BuildingMerge['refusals'] = []

  const remember = (entry: Entry, nameKey: string) => {
    if (!byName.has(nameKey)) byName.set(nameKey, entry)
    if (entry.values.creditCode && !byCode.has(entry.values.creditCode)) byCode.set(entry.values.creditCode, entry)
  }
  for (const tenant of existing) {
    const entry: Entry = { existing: tenant, values: { ...tenant.values }, firstRow: null, given: new Set() }
    entries.push(entry)
    for (const key of tenant.nameKeys) remember(entry, key)
  }

  for (const { row, values } of rows) {
    const nameKey = companyNameKey(values.company)
    const sameCode = values.creditCode ? byCode.get(values.creditCode) : undefined
    const sameName = byName.get(nameKey)
    // The code is one company's and the name another's: which one the row means is a person's call.
    if (sameCode && sameName && sameCode !== sameName) {
      refusals.push({ row, reason: 'code_conflict' })
      continue
    }
    const target = sameCode ?? sameName
    if (!target) {
      const entry: Entry = { values: { ...values }, firstRow: row, given: new Set(tenantFields.filter((field) => values[field] !== null)) }
      entries.push(entry)
      remember(entry, nameKey)
      continue
    }
    // Same name, another credit code: two companies cannot share a name in one building, unless the
    // code on record is a manager's correction.
    const codeKept = target.existing?.edited.has('creditCode') ?? false
    if (!sameCode && values.creditCode && target.values.creditCode && target.values.creditCode !== values.creditCode && !codeKept) {
      refusals.push({ row, reason: 'name_conflict' })
      continue
    }
    if (target.firstRow !== null) merges.push({ row, into: target.firstRow })
    else target.firstRow = row
    for (const field of tenantFields) {
      const value = values[field]
      if (value === null || target.given.has(field) || target.existing?.edited.has(field)) continue
      // A name that would clash with another tenant of the building stays as it was.
      if (field === 'company') {
        const holder = byName.get(companyNameKey(String(value)))
        if (holder && holder !== target) continue
      }
      ;(target.values as unknown as Record<TenantField, string | number>)[field] = value
      target.given.add(field)
    }
    remember(target, nameKey)
    remember(target, companyNameKey(target.values.company))
  }

  const inserts: MergedTenant[] = []
  const updates: MergedTenant[] = []
  let unchanged = 0
  for (const entry of entries) {
    if (!entry.existing) inserts.push({ values: entry.values, changed: [...tenantFields] })
    else if (entry.firstRow !== null) {
      const changed = changedFields(entry.existing.values, entry.values)
      if (changed.length > 0) updates.push({ existing: entry.existing, values: entry.values, changed })
      else unchanged += 1
    }
  }
  return { inserts, updates, unchanged, merges, refusals }
}
