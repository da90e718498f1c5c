import { closeSync, openSync, readSync } from 'node:fs'
import { BackupError } from './backup-error'

export type BackupFileKind = 'sqlite' | 'postgres'

/** What every SQLite database file starts with, and what pg_dump writes at the start of a custom-format archive. */
const SIGNATURES: Record<BackupFileKind, Buffer> = {
  sqlite: Buffer.from('SQLite format 3\0', 'latin1'),
  postgres: Buffer.from('PGDMP', 'latin1'),
}

const DESCRIPTIONS: Record<BackupFileKind, string> = {
  sqlite: 'a SQLite database (made by npm run db:backup with a file: DATABASE_URL)',
  postgres: 'a PostgreSQL archive (pg_dump custom format, made by npm run db:backup with a postgres:// DATABASE_URL)',
}

/** Reads the file's first bytes: a backup restores only into the kind of database it came from. */
export function backupFileKind(file: string): BackupFileKind | 'unknown' {
  let descriptor: number
  try {
    descriptor = openSync(file, 'r')
  } catch (error) {
    throw new BackupError(`Cannot read the backup ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  try {
    const head = Buffer.alloc(16)
    const length = readSync(descriptor, head, 0, head.length, 0)
    const found = (Object.keys(SIGNATURES) as BackupFileKind[]).find((kind) => head.subarray(0, length).subarray(0, SIGNATURES[kind].length).equals(SIGNATURES[kind]))
    return found ?? 'unknown'
  } finally {
    closeSync(descriptor)
  }
}

/** Refuses a file that is not a backup of the expected kind, naming what it is instead. */
export function requireBackupFileKind(file: string, expected: BackupFileKind): void {
  const kind = backupFileKind(file)
  if (kind === expected) return
  if (kind === 'unknown') throw new BackupError(`${file} is not a storefront backup: expected ${DESCRIPTIONS[expected]}.`)
  throw new BackupError(`${file} is ${DESCRIPTIONS[kind]}, but DATABASE_URL points to ${expected === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: restore it into a database of the kind it came from.`)
}
