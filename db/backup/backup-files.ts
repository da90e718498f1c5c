import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { BackupError } from './backup-error'

/** A backup file is never overwritten by accident: yesterday's may be the only good one. */
export function refuseExistingBackup(file: string, force: boolean): void {
  if (!force && existsSync(file)) throw new BackupError(`${file} already exists: choose another name, or pass --force to replace it.`)
}

/**
 * Where to write before the final name appears: beside it (so the rename is atomic, same file
 * system), with a name no reader mistakes for the finished file.
 */
export function partialPathFor(file: string): string {
  const directory = dirname(file)
  mkdirSync(directory, { recursive: true })
  return join(directory, `.${basename(file)}.partial-${process.pid}`)
}

/** The finished file takes its name in one step and the rename itself is on disk before we say done. */
export function moveIntoPlace(partial: string, file: string): void {
  renameSync(partial, file)
  const directory = openSync(dirname(file), 'r')
  try {
    fsyncSync(directory)
  } finally {
    closeSync(directory)
  }
}

/** A backup holds customers' personal data: readable by its owner only, whatever the umask. */
export function finishBackupFile(partial: string, file: string): void {
  chmodSync(partial, 0o600)
  moveIntoPlace(partial, file)
}

export function removePartial(partial: string): void {
  rmSync(partial, { force: true })
}

export function sizeOf(file: string): string {
  const bytes = statSync(file).size
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}
