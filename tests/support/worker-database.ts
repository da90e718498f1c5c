import pg from 'pg'
import { testServerUrl, workerDatabaseName } from './postgres-url'

/** Set-up of every test file: the worker's own database exists (made by its first file, kept for the next runs). */
async function ensureWorkerDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
    if (rowCount !== 0) return
    await client.query(`create database ${name}`).catch((error: { code?: string }) => {
      // duplicate_database: made meanwhile by a run beside this one.
      if (error.code !== '42P04') throw error
    })
  } finally {
    await client.end()
  }
}

if (workerDatabaseName) await ensureWorkerDatabase(workerDatabaseName)
