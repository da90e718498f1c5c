import { createHash, randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { Database } from '../../db/schema'
import { cleanText } from '../domain/tenant-cleaning'
import { AppError } from '../errors'
import { isUniqueViolation } from '../services/database-errors'
import type { Services } from '../services/services'
import { buildingInScope, seesBuilding } from './building-scope'
import type { StaffIdentity } from './sessions'
import { ImportFailed, importRows, type ImportReach, type ImportReport, type RowsImportFailure } from './tenant-rows-import'

/*
 * Importing a tenant list runs in the background: the upload makes a job row (or finds the one for the
 * same file: a file's content hash makes a repeat a no-op) and answers at once; one import at a time
 * per server process then reads, cleans, merges and writes it in batches (tenant-rows-import.ts), the
 * job's progress written with every batch. A job row left queued or running by a process that ended
 * shows as failed (interrupted), and the same file may then be sent again.
 */

/** The largest file taken (a city's 100,000 tenants as CSV are about 12 MB). */
export const TENANT_FILE_MAX_BYTES = 25 * 1024 * 1024

/** A job whose heartbeat is older than this, and which no import here is working on, was interrupted. */
const STALE_MS = 2 * 60_000

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed'
export type ImportFailure = RowsImportFailure | 'interrupted' | 'internal'

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
