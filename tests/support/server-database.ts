import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDatabase, type DatabaseHandle, type DatabaseKind } from '../../db/connect'
import { testPostgresUrl } from './postgres-url'
import { adminQuery } from './test-database'

export interface ServerDatabase {
  /** What the server process is started with (DATABASE_URL). */
  url: string
  /** This process's own connection, to prepare data and look at what the server stored. */
  handle: DatabaseHandle
  /** Closes the connection and removes the database. */
  drop: () => Promise<void>
}

/**
 * A fresh, empty database a server process opens by URL alone: a temp SQLite file, or a PostgreSQL
 * database of its own (a server takes no schema setting, so a schema per test would not do).
 */
export async function createServerDatabase(kind: DatabaseKind): Promise<ServerDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'storefront-server-db-'))
    const url = `file:${join(dir, 'storefront.db')}`
    const handle = connectDatabase(url)
    return { url, handle, drop: async () => (await handle.close(), rmSync(dir, { recursive: true, force: true })) }
  }
  const name = `storefront_server_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database ${name}`)
  const url = new URL(testPostgresUrl)
  url.pathname = `/${name}`
  const handle = connectDatabase(url.toString())
  return { url: url.toString(), handle, drop: async () => (await handle.close(), await adminQuery(`drop database if exists ${name} with (force)`)) }
}
