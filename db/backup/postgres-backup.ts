import pg from 'pg'
import { BackupError } from './backup-error'
import { requireBackupFileKind } from './backup-file-kind'
import { finishBackupFile, partialPathFor, refuseExistingBackup, removePartial } from './backup-files'
import { describeSummary, summarizeDatabase, type DatabaseSummary } from './database-summary'
import { libpqEnvironment } from './libpq-environment'
import { runPostgresTool } from './postgres-tools'
import type { CopyOptions } from './sqlite-backup'

/**
 * pg_dump's custom format, taken from a snapshot this process exports and holds open: the summary
 * printed (orders, migrations) describes exactly the rows in the file, while the server keeps writing.
 */
export async function backupPostgres(databaseUrl: string, file: string, { force }: CopyOptions): Promise<DatabaseSummary> {
  refuseExistingBackup(file, force)
  const partial = partialPathFor(file)
  const client = await connect(databaseUrl)
  try {
    await client.query('begin isolation level repeatable read read only')
    const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot')
    const summary = await summarizeDatabase('postgres', rowsOfClient(client))
    await runPostgresTool('pg_dump', ['--format=custom', `--snapshot=${rows[0].snapshot}`, `--file=${partial}`], databaseUrl)
    await client.query('commit')
    finishBackupFile(partial, file)
    return summary
  } catch (error) {
    removePartial(partial)
    throw error
  } finally {
    await client.end()
  }
}

/**
 * pg_restore in one transaction: a failed restore leaves the database as it was. An empty database
 * is filled; one with tables only with `force`, while no one else is connected (the server: stop it
 * first), and only when the backup has every one of its tables (they are dropped and restored): a table the backup lacks would survive and confuse the
 * migrations, so that case must go into a new empty database (createdb).
 */
export async function restorePostgres(databaseUrl: string, file: string, { force }: CopyOptions): Promise<DatabaseSummary> {
  requireBackupFileKind(file, 'postgres')
  const backupTables = tablesInArchive(await runPostgresTool('pg_restore', ['--list', file], databaseUrl))
  if (!backupTables.some((table) => table.name === 'kysely_migration')) throw new BackupError(`${file} is a PostgreSQL archive but not a storefront backup (it has no migration table).`)
  const { current, otherConnections } = await withClient(databaseUrl, async (client) => ({
    current: await summarizeDatabase('postgres', rowsOfClient(client)),
    otherConnections: await otherConnectionsAfterGrace(client),
  }))
  const replacing = current.tables.length > 0
  if (replacing && !force) {
    throw new BackupError(
      `The database ${libpqEnvironment(databaseUrl).PGDATABASE ?? ''} is not empty (${describeSummary(current)}): restoring would replace it. Stop the server, keep a backup of it, and pass --force to replace it, or restore into a new empty database.`,
    )
  }
  if (replacing && otherConnections > 0) {
    throw new BackupError(`The database is in use (${otherConnections} other connections: the server is running?): stop the server first, then restore.`)
  }
  const missingFromBackup = current.tables.filter((name) => !backupTables.some((table) => table.name === name))
  if (missingFromBackup.length > 0) {
    throw new BackupError(`The database has tables the backup lacks (${missingFromBackup.join(', ')}): restore into a new empty database (createdb) instead.`)
  }
  const database = libpqEnvironment(databaseUrl).PGDATABASE
  if (!database) throw new BackupError('DATABASE_URL names no database (postgres://user@host/DATABASE).')
  await runPostgresTool(
    'pg_restore',
    // Owners and grants are the old server's roles: the restoring user owns everything instead.
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', ...(replacing ? ['--clean', '--if-exists'] : []), `--dbname=${database}`, file],
    databaseUrl,
  )
  return withClient(databaseUrl, (client) => summarizeDatabase('postgres', rowsOfClient(client)))
}

/** `215; 1259 16390 TABLE public orders postgres` lines of `pg_restore --list` (TABLE DATA lines are the rows). */
function tablesInArchive(list: string): { schema: string; name: string }[] {
  return [...list.matchAll(/^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) /gm)].map((match) => ({ schema: match[1], name: match[2] }))
}

/** A server that has just stopped may still be closing its connections: give them a moment to go. */
async function otherConnectionsAfterGrace(client: pg.Client): Promise<number> {
  const count = async () =>
    Number((await client.query('select count(*) as count from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows[0].count)
  for (let attempt = 1; attempt < CONNECTIONS_GONE_ATTEMPTS; attempt += 1) {
    if ((await count()) === 0) return 0
    await new Promise((resolve) => setTimeout(resolve, CONNECTIONS_GONE_INTERVAL_MS))
  }
  return count()
}

const CONNECTIONS_GONE_ATTEMPTS = 5
const CONNECTIONS_GONE_INTERVAL_MS = 200

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
  } catch (error) {
    throw new BackupError(`Cannot connect to PostgreSQL (DATABASE_URL): ${(error as Error).message}`)
  }
  return client
}

async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(databaseUrl)
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

const rowsOfClient = (client: pg.Client) => async (statement: string) => (await client.query(statement)).rows as Record<string, unknown>[]
