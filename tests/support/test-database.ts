import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connectDatabase, type DatabaseHandle, type DatabaseKind } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed'
import { testPostgresUrl } from './postgres-url'

/** Every data-layer and HTTP test runs once per database. */
export const databaseKinds: DatabaseKind[] = ['sqlite', 'postgres']

export const SEED_TIME = new Date('2026-11-20T02:00:00.000Z')

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and removes the database (temp file or schema). */
  drop: () => Promise<void>
  /** How another process reaches the same database: its URL and, on PostgreSQL, its schema. */
  location: { url: string; schema?: string }
}

/** A fresh, empty database of that kind: a temp SQLite file, or a PostgreSQL schema of its own. */
export async function createEmptyDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'storefront-test-'))
    const url = `file:${join(dir, 'test.db')}`
    const handle = connectDatabase(url)
    return { ...handle, drop: async () => (await handle.close(), rmSync(dir, { recursive: true, force: true })), location: { url } }
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create schema ${schema}`)
  const handle = connectDatabase(testPostgresUrl, { schema })
  return { ...handle, drop: async () => (await handle.close(), await adminQuery(`drop schema ${schema} cascade`)), location: { url: testPostgresUrl, schema } }
}

/** A fresh database, migrated and seeded with the project's catalog and buildings. */
export async function createSeededDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = await createEmptyDatabase(kind)
  await migrateToLatest(database.db)
  await seedDatabase(database.db, { now: SEED_TIME })
  return database
}

/** One statement as the test server's superuser, outside any test schema (create or drop a schema or database). */
export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
