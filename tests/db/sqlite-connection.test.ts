import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'

describe('SQLite connection', () => {
  let dir: string
  let handle: DatabaseHandle
  afterEach(async () => {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-sqlite-'))
    const path = join(dir, 'nested', 'store.db')
    handle = connectDatabase(`file:${path}`)
    return path
  }

  it('creates the folder and uses WAL mode with a busy timeout and foreign keys', async () => {
    open()
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db)
    const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(handle.db)
    const foreignKeys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db)
    expect(journal.rows[0].journal_mode).toBe('wal')
    expect(timeout.rows[0].timeout).toBe(5000)
    expect(foreignKeys.rows[0].foreign_keys).toBe(1)
  })

  it('takes the write lock when a transaction begins (BEGIN IMMEDIATE), not at its first write', async () => {
    const path = open()
    await sql`create table counter (n integer)`.execute(handle.db)
    const other = new SqliteDatabase(path, { timeout: 0 })
    try {
      await handle.db.transaction().execute(async (trx) => {
        await sql`select count(*) from counter`.execute(trx)
        // A deferred transaction that has only read holds no write lock; an immediate one does.
        expect(() => other.prepare('insert into counter values (1)').run()).toThrow(/database is locked/)
      })
      other.prepare('insert into counter values (1)').run()
    } finally {
      other.close()
    }
  })
})
