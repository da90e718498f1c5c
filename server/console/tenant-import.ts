import { createHash, randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema'
import { insertRows } from '../../db/generate/batch-insert'
import { cleanTenant, cleanText, companyNameKey, isBlankRow, readHeader, rowFields, type TenantField, type TenantRefusal } from '../domain/tenant-cleaning'
import { mergeBuilding, type CleanRow } from '../domain/tenant-merge'
import { AppError } from '../errors'
import { existingTenants, newTenantRow, recountTenants, tenantColumns } from '../repositories/tenants-repository'
import { isUniqueViolation } from '../services/database-errors'
import type { Services } from '../services/services'
import { readTenantFile, TenantFileError, type TenantFileProblem } from '../services/tenant-file'
import { buildingInScope, seesBuilding } from './building-scope'
import type { StaffIdentity } from './sessions'

/*
 * Importing a tenant list runs in the background: the upload makes a job row (or finds the one for the
 * same file: a file's content hash makes a repeat a no-op) and answers at once; one import at a time
 * per server process then reads, cleans, merges and writes it in batches, one transaction each, the
 * job's progress written with every batch. A job row left queued or running by a process that ended
 * shows as failed (interrupted), and the same file may then be sent again.
 */

/** The largest file taken (a city's 100,000 tenants as CSV are about 12 MB). */
export const TENANT_FILE_MAX_BYTES = 25 * 1024 * 1024

/** About this many rows are merged and written per transaction. */
const BATCH_ROWS = 2_000
/** The report keeps this many refused rows and this many merged rows (the counts are complete). */
const REPORT_LIMIT = 1_000
/** A job whose heartbeat is older than this, and which no import here is working on, was interrupted. */
const STALE_MS = 2 * 60_000

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed'
export type ImportFailure = TenantFileProblem | 'no_company_column' | 'no_building_column' | 'interrupted' | 'internal'

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

export interface TenantImportView {
  id: string
  /** Null for a city-wide file whose rows name their buildings. */
  buildingId: string | null
  fileName: string
  format: string | null
  status: ImportStatus
  failure: ImportFailure | null
  rowsTotal: number
  rowsDone: number
  inserted: number
  updated: number
  unchanged: number
  merged: number
  refused: number
  importedBy: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  report: ImportReport | null
}

type ImportRow = Selectable<Database['tenant_imports']>
type ImportDeps = Pick<Services, 'db' | 'now' | 'log'>
/** The buildings an import may write to: every one, or these. */
export type ImportReach = 'all' | string[]

export function importView(row: ImportRow): TenantImportView {
  return {
    id: row.id,
    buildingId: row.building_id,
    fileName: row.file_name,
    format: row.file_format,
    status: row.status as ImportStatus,
    failure: row.failure as ImportFailure | null,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    merged: row.merged,
    refused: row.refused,
    importedBy: row.imported_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    report: row.report_json ? (JSON.parse(row.report_json) as ImportReport) : null,
  }
}

// ---------------------------------------------------------------------------------------------
// The background queue (one per process)

/** Jobs this process holds (queued or running). */
const held = new Set<string>()
let queue: Promise<void> = Promise.resolve()

function enqueue(deps: ImportDeps, jobId: string, bytes: Uint8Array, reach: ImportReach): void {
  held.add(jobId)
  queue = queue
    .then(() => runTenantImport(deps, jobId, bytes, reach))
    .catch((error) => deps.log(error))
    .finally(() => held.delete(jobId))
}

/** Resolves once every import queued so far has finished (tests and shutdown wait on it). */
export const importsSettled = (): Promise<void> => queue

function isStale(row: ImportRow, now: Date): boolean {
  return (row.status === 'queued' || row.status === 'running') && !held.has(row.id) && now.getTime() - Date.parse(row.heartbeat_at) > STALE_MS
}

/** The job as it stands; one left behind by an ended process is marked failed (interrupted) on sight. */
async function current(deps: Pick<Services, 'db' | 'now'>, row: ImportRow): Promise<ImportRow> {
  if (!isStale(row, deps.now())) return row
  const at = deps.now().toISOString()
  await deps.db.updateTable('tenant_imports').set({ status: 'failed', failure: 'interrupted', finished_at: at }).where('id', '=', row.id).where('status', '=', row.status).execute()
  return { ...row, status: 'failed', failure: 'interrupted', finished_at: at }
}

// ---------------------------------------------------------------------------------------------
// Starting and reading jobs

export interface TenantUpload {
  bytes: Uint8Array
  fileName: string
  /** The building whose list it is, or null for a city-wide file with a building column. */
  buildingId: string | null
}

/** What a city-wide file's import is keyed by: who may write where (a manager's buildings, or all). */
function scopeKeyOf(buildingId: string | null, reach: ImportReach): string {
  if (buildingId) return buildingId
  if (reach === 'all') return '*'
  return `reach:${createHash('sha256').update([...reach].sort().join(',')).digest('hex').slice(0, 32)}`
}

const fileNameOf = (name: string) => cleanText(name).slice(0, 200) || 'upload'

/**
 * Queues an import of `upload` by `staff` (a building outside their reach is not found) and answers
 * the job at once. The same file again for the same building (or reach) answers the earlier job,
 * `repeated`, and changes nothing; one that failed or was interrupted runs again.
 */
export async function startTenantImport(services: ImportDeps, staff: StaffIdentity, upload: TenantUpload): Promise<{ job: TenantImportView; repeated: boolean }> {
  const { db } = services
  if (upload.buildingId) await buildingInScope(db, staff, upload.buildingId)
  const reach: ImportReach = upload.buildingId ? [upload.buildingId] : staff.buildingIds
  const scopeKey = scopeKeyOf(upload.buildingId, reach)
  const contentHash = createHash('sha256').update(upload.bytes).digest('hex')
  const now = services.now().toISOString()

  const find = () => db.selectFrom('tenant_imports').selectAll().where('scope_key', '=', scopeKey).where('content_hash', '=', contentHash).executeTakeFirst()
  const earlier = await find()
  if (earlier) {
    const row = await current(services, earlier)
    if (row.status !== 'failed') return { job: importView(row), repeated: true }
    const again = await db
      .updateTable('tenant_imports')
      .set({ status: 'queued', failure: null, imported_by: staff.user.id, file_name: fileNameOf(upload.fileName), created_at: now, heartbeat_at: now, started_at: null, finished_at: null, report_json: null })
      .where('id', '=', row.id)
      .where('status', '=', 'failed')
      .executeTakeFirst()
    // Another request restarted it first.
    if (Number(again.numUpdatedRows) === 0) return { job: importView((await find())!), repeated: true }
    enqueue(services, row.id, upload.bytes, reach)
    return { job: importView((await find())!), repeated: false }
  }

  const id = randomUUID()
  try {
    await db
      .insertInto('tenant_imports')
      .values({ id, building_id: upload.buildingId, scope_key: scopeKey, content_hash: contentHash, file_name: fileNameOf(upload.fileName), imported_by: staff.user.id, status: 'queued', created_at: now, heartbeat_at: now })
      .execute()
  } catch (error) {
    // The same file sent twice at once: the first one's job answers both.
    if (!isUniqueViolation(error)) throw error
    return { job: importView((await find())!), repeated: true }
  }
  enqueue(services, id, upload.bytes, reach)
  return { job: importView((await db.selectFrom('tenant_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow())), repeated: false }
}

/** One job, if `staff` may see it: a building's when the building is theirs, a city file's when they sent it or see every building. */
export async function tenantImportJob(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, id: string): Promise<TenantImportView> {
  const row = await services.db.selectFrom('tenant_imports').selectAll().where('id', '=', id).executeTakeFirst()
  const visible = row && (row.building_id ? seesBuilding(staff, row.building_id) : staff.buildingIds === 'all' || row.imported_by === staff.user.id)
  if (!row || !visible) throw new AppError('tenant_import_not_found', 'There is no such tenant import.')
  return importView(await current(services, row))
}

/** The latest imports of a building's list (or, with null, the city-wide files `staff` may see), newest first. */
export async function recentTenantImports(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, buildingId: string | null, limit = 10): Promise<TenantImportView[]> {
  let query = services.db.selectFrom('tenant_imports').selectAll()
  if (buildingId) {
    await buildingInScope(services.db, staff, buildingId)
    query = query.where('building_id', '=', buildingId)
  } else {
    query = query.where('building_id', 'is', null)
    if (staff.buildingIds !== 'all') query = query.where('imported_by', '=', staff.user.id)
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()
  return Promise.all(rows.map(async (row) => importView(await current(services, row))))
}

// ---------------------------------------------------------------------------------------------
// Running a job

/**
 * Imports a list at once, waiting for it (the bench and the command line; the console queues
 * instead): a job row by nobody, run in this call. Answers the finished job.
 */
export async function importTenantsNow(services: ImportDeps, upload: TenantUpload, reach: ImportReach = 'all'): Promise<TenantImportView> {
  const id = randomUUID()
  const now = services.now().toISOString()
  const contentHash = createHash('sha256').update(upload.bytes).digest('hex')
  await services.db
    .insertInto('tenant_imports')
    .values({ id, building_id: upload.buildingId, scope_key: `${scopeKeyOf(upload.buildingId, reach)}:${id}`, content_hash: contentHash, file_name: fileNameOf(upload.fileName), imported_by: null, status: 'queued', created_at: now, heartbeat_at: now })
    .execute()
  held.add(id)
  try {
    await runTenantImport(services, id, upload.bytes, reach)
  } finally {
    held.delete(id)
  }
  return importView(await services.db.selectFrom('tenant_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
}

class ImportFailed extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure)
  }
}

async function runTenantImport(deps: ImportDeps, jobId: string, bytes: Uint8Array, reach: ImportReach): Promise<void> {
  const { db } = deps
  const stamp = () => deps.now().toISOString()
  const started = stamp()
  await db
    .updateTable('tenant_imports')
    .set({ status: 'running', started_at: started, heartbeat_at: started, rows_total: 0, rows_done: 0, inserted: 0, updated: 0, unchanged: 0, merged: 0, refused: 0 })
    .where('id', '=', jobId)
    .execute()
  const job = await db.selectFrom('tenant_imports').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow()
  try {
    const report = await importRows(deps, job, bytes, reach)
    await db.updateTable('tenant_imports').set({ status: 'done', report_json: JSON.stringify(report), finished_at: stamp(), heartbeat_at: stamp() }).where('id', '=', jobId).execute()
  } catch (error) {
    const failure: ImportFailure = error instanceof ImportFailed ? error.failure : 'internal'
    if (failure === 'internal') deps.log(error)
    await db.updateTable('tenant_imports').set({ status: 'failed', failure, finished_at: stamp(), heartbeat_at: stamp() }).where('id', '=', jobId).execute()
  }
}

/** Lets the server answer requests between stretches of work on a large file. */
const breathe = () => new Promise((resolve) => setImmediate(resolve))

async function importRows(deps: ImportDeps, job: ImportRow, bytes: Uint8Array, reach: ImportReach): Promise<ImportReport> {
  const { db } = deps
  const sheet = await readTenantFile(bytes).catch((error) => {
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
async function writeBatch(deps: ImportDeps, importId: string, buildingIds: string[], rows: Map<string, CleanRow[]>): Promise<BatchOutcome> {
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
