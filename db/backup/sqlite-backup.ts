import { existsSync, rmSync } from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import { BackupError } from './backup-error'
import { requireBackupFileKind } from './backup-file-kind'
import { finishBackupFile, moveIntoPlace, partialPathFor, refuseExistingBackup, removePartial } from './backup-files'
import { describeSummary, summarizeDatabase, type DatabaseSummary } from './database-summary'

export interface CopyOptions {
  /** Replace an existing backup file, or restore over a database that already has tables. */
  force: boolean
}

const BUSY_TIMEOUT_MS = 5000

/**
 * SQLite's online backup API copies a consistent snapshot while the server keeps writing (WAL
 * included). The copy is made self-contained (rollback journal, no -wal beside it) and checked
 * before it takes its name.
 */
export async function backupSqlite(databasePath: string, file: string, { force }: CopyOptions): Promise<DatabaseSummary> {
  if (!existsSync(databasePath)) throw new BackupError(`There is no SQLite database at ${databasePath} (from DATABASE_URL): nothing to back up.`)
  refuseExistingBackup(file, force)
  const partial = partialPathFor(file)
  try {
    const source = new SqliteDatabase(databasePath, { fileMustExist: true })
    try {
      source.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
      await source.backup(partial)
    } finally {
      source.close()
    }
    const summary = await withSqlite(partial, { readonly: false }, (copy) => {
      copy.pragma('journal_mode = DELETE')
      return checkedSummary(copy, partial)
    })
    finishBackupFile(partial, file)
    return summary
  } catch (error) {
    removePartial(partial)
    throw error
  }
}

/**
 * Copies the backup to a temporary file beside the database and renames it over the database, so a
 * failed restore leaves the old database as it was. Refuses a database that has tables unless
 * `force`, and one that another process has open (the server: stop it first) in any case.
 */
export async function restoreSqlite(databasePath: string, file: string, { force }: CopyOptions): Promise<DatabaseSummary> {
  requireBackupFileKind(file, 'sqlite')
  const backup = await withSqlite(file, { readonly: true }, (copy) => checkedSummary(copy, file))
  if (backup.migrations.state === 'unmigrated') throw new BackupError(`${file} is a SQLite database but not a storefront backup (it has no migration table).`)
  if (existsSync(databasePath)) await refuseOccupiedSqlite(databasePath, force)
  const partial = partialPathFor(databasePath)
  try {
    await withSqlite(file, { readonly: true }, (source) => source.backup(partial))
    // Whatever WAL the replaced database left would be replayed into the restored one.
    for (const companion of ['-wal', '-shm', '-journal']) rmSync(`${databasePath}${companion}`, { force: true })
    moveIntoPlace(partial, databasePath)
  } catch (error) {
    removePartial(partial)
    throw error
  }
  return withSqlite(databasePath, { readonly: false }, (restored) => summarizeDatabase('sqlite', rowsOfSqlite(restored)))
}

async function refuseOccupiedSqlite(databasePath: string, force: boolean): Promise<void> {
  const current = await withSqlite(databasePath, { readonly: false }, (existing) => {
    existing.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    return summarizeDatabase('sqlite', rowsOfSqlite(existing))
  })
  if (current.tables.length > 0 && !force) {
    throw new BackupError(
      `The database at ${databasePath} is not empty (${describeSummary(current)}): restoring would replace it. Stop the server, keep a backup of it, and pass --force to replace it.`,
    )
  }
  // The last connection to close removes the WAL file; if it is still there, someone else has the database open.
  if (existsSync(`${databasePath}-wal`)) throw new BackupError(`The database at ${databasePath} is in use (another connection has it open: the server is running?): stop the server first, then restore.`)
}

async function checkedSummary(database: SqliteDatabase.Database, file: string): Promise<DatabaseSummary> {
  const problems = database.pragma('quick_check', { simple: false }) as { quick_check: string }[]
  if (problems[0]?.quick_check !== 'ok') throw new BackupError(`${file} is damaged: ${problems.map((problem) => problem.quick_check).join('; ')}`)
  return summarizeDatabase('sqlite', rowsOfSqlite(database))
}

const rowsOfSqlite = (database: SqliteDatabase.Database) => async (statement: string) => database.prepare(statement).all() as Record<string, unknown>[]

async function withSqlite<T>(path: string, { readonly }: { readonly: boolean }, use: (database: SqliteDatabase.Database) => T | Promise<T>): Promise<T> {
  let database: SqliteDatabase.Database
  try {
    database = new SqliteDatabase(path, { readonly, fileMustExist: true })
  } catch (error) {
    throw new BackupError(`Cannot open ${path} as a SQLite database: ${(error as Error).message}`)
  }
  try {
    return await use(database)
  } finally {
    database.close()
  }
}
