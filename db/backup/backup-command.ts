import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../../server/config'
import { BackupError } from './backup-error'
import { sizeOf } from './backup-files'
import { describeSummary, type DatabaseSummary } from './database-summary'
import type { CopyOptions } from './sqlite-backup'

type Copy = (databaseUrl: string, file: string, options: CopyOptions) => Promise<DatabaseSummary>

/**
 * `npm run db:backup -- FILE [--force]` and `npm run db:restore -- FILE [--force]`: the database is
 * DATABASE_URL's. Exit code 2 for a wrong command line, 1 when the copy was refused or failed.
 */
export async function runBackupCommand(command: 'db:backup' | 'db:restore', copy: Copy): Promise<void> {
  const usage = `usage: npm run ${command} -- FILE [--force]`
  let parsed
  try {
    parsed = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true, strict: true })
  } catch (error) {
    return fail(2, `${(error as Error).message}\n${usage}`)
  }
  if (parsed.positionals.length !== 1) return fail(2, usage)
  const file = resolve(parsed.positionals[0])
  try {
    const { DATABASE_URL } = loadConfig(process.env)
    const summary = await copy(DATABASE_URL, file, { force: parsed.values.force })
    console.log(command === 'db:backup' ? `Backed up to ${file} (${sizeOf(file)}): ${describeSummary(summary)}.` : `Restored from ${file}: ${describeSummary(summary)}.`)
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError) return fail(1, `${command === 'db:backup' ? 'No backup made' : 'Not restored'}: ${error.message}`)
    throw error
  }
}

function fail(code: number, message: string): void {
  console.error(message)
  process.exitCode = code
}
