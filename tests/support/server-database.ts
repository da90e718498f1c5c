import type { DatabaseHandle, DatabaseKind } from '../../db/connect'
import { createCliDatabase } from './cli-database'

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
  const database = await createCliDatabase(kind, 'storefront-server')
  const handle = database.open()
  return { url: database.url, handle, drop: async () => (await handle.close(), await database.drop()) }
}
