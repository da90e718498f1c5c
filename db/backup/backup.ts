import { BackupError } from './backup-error'
import { backupPostgres, restorePostgres } from './postgres-backup'
import { backupSqlite, restoreSqlite, type CopyOptions } from './sqlite-backup'
import type { DatabaseSummary } from './database-summary'

/** DATABASE_URL picks the kind: `file:PATH` is SQLite, `postgres://…` PostgreSQL. */
function sqlitePathOf(databaseUrl: string): string | null {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return null
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl
  if (path === ':memory:') throw new BackupError('DATABASE_URL is an in-memory SQLite database: there is nothing on disk to back up or restore into.')
  return path
}

/** Writes a backup of the database at `databaseUrl` to `file`. */
export function backupDatabase(databaseUrl: string, file: string, options: CopyOptions): Promise<DatabaseSummary> {
  const path = sqlitePathOf(databaseUrl)
  return path === null ? backupPostgres(databaseUrl, file, options) : backupSqlite(path, file, options)
}

/** Restores `file` into the database at `databaseUrl` (empty, or replaced with `force`). */
export function restoreDatabase(databaseUrl: string, file: string, options: CopyOptions): Promise<DatabaseSummary> {
  const path = sqlitePathOf(databaseUrl)
  return path === null ? restorePostgres(databaseUrl, file, options) : restoreSqlite(path, file, options)
}
