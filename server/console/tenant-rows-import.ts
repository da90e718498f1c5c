import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { insertRows } from '../../db/generate/batch-insert'
import { cleanTenant, companyNameKey, isBlankRow, readHeader, rowFields, type TenantField, type TenantRefusal } from '../domain/tenant-cleaning'
import { mergeBuilding, type CleanRow } from '../domain/tenant-merge'
import { existingTenants, newTenantRow, recountTenants, tenantColumns } from '../repositories/tenants-repository'
import { isUniqueViolation } from '../services/database-errors'
import type { Services } from '../services/services'
import { readTenantFile, TenantFileError, type TenantFileProblem } from '../services/tenant-file'

/*
 * The rows of one tenant import: read from the file, cleaned, merged with each building's tenants and
 * written. The job around it (queued, running, done or failed; one at a time per process) is
 * tenant-import.ts.
 */

/** About this many rows are merged and written per transaction. */
const BATCH_ROWS = 2_000
/** The report keeps this many refused rows and this many merged rows (the counts are complete). */
const REPORT_LIMIT = 1_000

/** Why a file's rows could not be imported at all. */
export type RowsImportFailure = TenantFileProblem | 'no_company_column' | 'no_building_column'

export interface ImportRefusal {
  row: number
  reason: TenantRefusal
  field?: TenantField | 'building'
}

export interface ImportReport {
  refusals: ImportRefusal[]
  merges: { row: number; into: number }[]
  /** Whether more rows were refused or merged than the report lists. */
  truncated: boolean
}

/** The buildings an import may write to: every one, or these. */
export type ImportReach = 'all' | string[]

type RowsImportDeps = Pick<Services, 'db' | 'now'>

export class ImportFailed extends Error {
  constructor(readonly failure: RowsImportFailure) {
    super(failure)
  }
}

/** Lets the server answer requests between stretches of work on a large file. */
const breathe = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Reads, cleans and merges a tenant file's rows and writes them in batches of buildings, one
 * transaction each, the job's counts and heartbeat written with every batch. Answers the report; a
 * file that cannot be read, or has no company (or needed building) column, fails as ImportFailed.
 */
export async function importRows(deps: RowsImportDeps, job: { id: string; building_id: string | null; file_name: string }, bytes: Uint8Array, reach: ImportReach): Promise<ImportReport> {
  const { db } = deps
  const sheet = await readTenantFile(bytes, job.file_name).catch((error) => {
    throw error instanceof TenantFileError ? new ImportFailed(error.problem) : error
  })
  // The header is the first row naming a company column (a title row may come before it).
  const headerAt = sheet.rows.slice(0, 10).findIndex((row) => readHeader(row.cells))
  if (headerAt < 0) throw new ImportFailed('no_company_column')
  const columns = readHeader(sheet.rows[headerAt].cells)!
  if (!job.building_id && !columns.has('building')) throw new ImportFailed('no_building_column')
  const dataRows = sheet.rows.slice(headerAt + 1).filter((row) => !isBlankRow(row.cells))
  await db.updateTable('tenant_imports').set({ rows_total: dataRows.length, file_format: sheet.format }).where('id', '=', job.id).execute()

  const buildingOf = await buildingResolver(db, job.building_id ? [job.building_id] : reach)
  const refusals: ImportRefusal[] = []
  const byBuilding = new Map<string, CleanRow[]>()
  for (const [index, { row, cells }] of dataRows.entries()) {
    if (index % 5_000 === 4_999) await breathe()
    const { raw, building } = rowFields(cells, columns)
    let buildingId: string
    if (job.building_id) {
      if (building && buildingOf(building) !== job.building_id) {
        refusals.push({ row, reason: 'building_other', field: 'building' })
        continue
      }
      buildingId = job.building_id
    } else {
      const found = building ? buildingOf(building) : undefined
      if (!found) {
        refusals.push({ row, reason: building ? 'building_unknown' : 'building_missing', field: 'building' })
        continue
      }
      buildingId = found
    }
    const cleaned = cleanTenant(raw)
    if ('issues' in cleaned) {
      refusals.push({ row, reason: cleaned.issues[0].reason, field: cleaned.issues[0].field })
      continue
    }
    const list = byBuilding.get(buildingId) ?? []
    list.push({ row, values: cleaned.values })
    byBuilding.set(buildingId, list)
  }

  const totals = { rows_done: refusals.length, inserted: 0, updated: 0, unchanged: 0, merged: 0, refused: refusals.length }
  const merges: ImportReport['merges'] = []
  const buildings = [...byBuilding.keys()].sort()
  let batch: string[] = []
  let batchRows = 0
  const flush = async () => {
    const outcome = await writeBatch(deps, job.id, batch, byBuilding)
    totals.rows_done += batchRows
    totals.inserted += outcome.inserted
    totals.updated += outcome.updated
    totals.unchanged += outcome.unchanged
    totals.merged += outcome.merges.length
    totals.refused += outcome.refusals.length
    merges.push(...outcome.merges.slice(0, REPORT_LIMIT - merges.length))
    refusals.push(...outcome.refusals)
    await db.updateTable('tenant_imports').set({ ...totals, heartbeat_at: deps.now().toISOString() }).where('id', '=', job.id).execute()
    batch = []
    batchRows = 0
    await breathe()
  }
  for (const buildingId of buildings) {
    batch.push(buildingId)
    batchRows += byBuilding.get(buildingId)!.length
    if (batchRows >= BATCH_ROWS) await flush()
  }
  if (batch.length > 0) await flush()

  refusals.sort((a, b) => a.row - b.row)
  merges.sort((a, b) => a.row - b.row)
  return {
    refusals: refusals.slice(0, REPORT_LIMIT),
    merges,
    truncated: totals.refused > REPORT_LIMIT || totals.merged > REPORT_LIMIT,
  }
}

/**
 * A building cell (its id, or its exact Chinese or English name) as the building's id, among those the
 * import may write to; a name two buildings share is no answer.
 */
async function buildingResolver(db: Kysely<Database>, reach: ImportReach): Promise<(cell: string) => string | undefined> {
  let query = db.selectFrom('buildings').select(['id', 'name_zh', 'name_en'])
  if (reach !== 'all') query = query.where('id', 'in', reach.length > 0 ? reach : [''])
  const names = new Map<string, string | null>()
  const add = (key: string, id: string) => names.set(key, names.has(key) && names.get(key) !== id ? null : id)
  for (const building of await query.execute()) {
    add(building.id.toLowerCase(), building.id)
    add(companyNameKey(building.name_zh), building.id)
    add(companyNameKey(building.name_en), building.id)
  }
  return (cell) => names.get(cell.toLowerCase()) ?? names.get(companyNameKey(cell)) ?? undefined
}

interface BatchOutcome {
  inserted: number
  updated: number
  unchanged: number
  merges: { row: number; into: number }[]
  refusals: ImportRefusal[]
}

/**
 * One transaction: these buildings' tenants read, merged with their rows and written, their counts kept.
 * A tenant a manager edits meanwhile is not overwritten (the update checks its hand-edited fields are
 * as read); a clash with a concurrent write runs the batch again.
 */
async function writeBatch(deps: RowsImportDeps, importId: string, buildingIds: string[], rows: Map<string, CleanRow[]>): Promise<BatchOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const now = deps.now().toISOString()
        const existing = await existingTenants(trx, buildingIds)
        const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0, merges: [], refusals: [] }
        const inserts = []
        for (const buildingId of buildingIds) {
          const merge = mergeBuilding(existing.get(buildingId) ?? [], rows.get(buildingId)!)
          outcome.merges.push(...merge.merges)
          outcome.refusals.push(...merge.refusals)
          outcome.unchanged += merge.unchanged
          for (const tenant of merge.inserts) inserts.push(newTenantRow(buildingId, tenant.values, companyNameKey(tenant.values.company), importId, now))
          for (const tenant of merge.updates) {
            const known = existing.get(buildingId)!.find((candidate) => candidate.id === tenant.existing!.id)!
            const result = await trx
              .updateTable('tenants')
              .set({ ...tenantColumns(tenant.values, tenant.changed), name_key: companyNameKey(tenant.values.company), import_id: importId, updated_at: now })
              .where('id', '=', known.id)
              .where('edited_fields', '=', known.editedJson)
              .executeTakeFirst()
            if (Number(result.numUpdatedRows) === 1) outcome.updated += 1
            else throw new ConcurrentEdit()
          }
        }
        outcome.inserted = inserts.length
        await insertRows(trx, 'tenants', inserts)
        await recountTenants(trx, buildingIds)
        return outcome
      })
    } catch (error) {
      if (attempt < 3 && (error instanceof ConcurrentEdit || isUniqueViolation(error))) continue
      throw error
    }
  }
}

/** A manager edited a tenant of the batch while it was merged. */
class ConcurrentEdit extends Error {}
