import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDatabase, type DatabaseHandle, type DatabaseKind } from '../../db/connect'
import { testPostgresUrl } from './postgres-url'
import { adminQuery } from './test-database'

export interface CliDatabase {
  /** DATABASE_URL for a command-line tool or a server process: they take nothing else, so no per-test schema. */
  url: string
  open: () => DatabaseHandle
  drop: () => Promise<void>
}

/** A new empty database a command-line tool or a server process reaches by URL alone: a temp SQLite file, or a PostgreSQL database of its own. */
export async function createCliDatabase(kind: DatabaseKind, label: string): Promise<CliDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${label}-`))
    const url = `file:${join(dir, `${label}.db`)}`
    return { url, open: () => connectDatabase(url), drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database ${name}`)
  const url = Object.assign(new URL(testPostgresUrl), { pathname: `/${name}` }).toString()
  return { url, open: () => connectDatabase(url), drop: () => adminQuery(`drop database if exists ${name} with (force)`) }
}
