import { spawn } from 'node:child_process'
import { BackupError } from './backup-error'
import { libpqEnvironment } from './libpq-environment'

/**
 * Runs pg_dump or pg_restore (from PATH) against DATABASE_URL, passed in the environment only;
 * answers standard output, or fails with the tool's own words.
 */
export function runPostgresTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // --no-password: never stop to ask on a terminal (cron has none); a wrong password fails at once.
    const child = spawn(tool, ['--no-password', ...args], { env: { ...process.env, ...libpqEnvironment(databaseUrl) }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(`${tool} was not found on PATH: install the PostgreSQL client tools (Debian: apt install postgresql-client), of the server's major version or newer.`)
          : new BackupError(`${tool} could not be started: ${error.message}`),
      )
    })
    child.once('close', (code) => {
      if (code === 0) resolve(stdout)
      else reject(new BackupError(`${tool} failed (exit code ${code}):\n${stderr.trim()}`))
    })
  })
}
