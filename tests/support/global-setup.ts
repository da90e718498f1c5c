import pg from 'pg'
import { testServerUrl } from './postgres-url'

/** Fail the whole run, loudly, when PostgreSQL is missing: its tests must never be skipped. */
export default async function checkPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new Error(
      `The PostgreSQL tests need a server at ${testServerUrl} (${(error as Error).message}).\n` +
        'Start one (e.g. pg_ctlcluster 15 main start) or set TEST_POSTGRES_URL=postgres://user@host:port/database.',
    )
  } finally {
    await client.end().catch(() => {})
  }
}
