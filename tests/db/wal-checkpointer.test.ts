import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'
import { CHECKPOINT_INTERVAL_MS, checkpointInBackground } from '../../db/wal-checkpointer'

const PAGE_BYTES = 4096

describe('WAL checkpoints on a worker thread', () => {
  let dir: string
  let handle: DatabaseHandle | undefined
  afterEach(async () => {
    await handle?.close()
    handle = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  const open = () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-checkpoints-'))
    const path = join(dir, 'store.db')
    handle = connectDatabase(`file:${path}`, { checkpointInBackground: true })
    return { path, db: handle.db }
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it('keeps the WAL small while commits take none of the checkpoints themselves', async () => {
    const { path, db } = open()
    const own = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)
    expect(own.rows).toEqual([{ wal_autocheckpoint: 0 }])
    await sql`create table pages (body blob)`.execute(db)
    // 60 commits of 50 pages each: 3,000 pages written, three times what SQLite lets its WAL reach
    // before it checkpoints. Uncheckpointed, the WAL would hold every one of them.
    const body = Buffer.alloc(PAGE_BYTES - 100, 1)
    for (let commit = 0; commit < 60; commit++) {
      await db.transaction().execute(async (trx) => {
        for (let row = 0; row < 50; row++) await sql`insert into pages values (${body})`.execute(trx)
      })
      if (commit % 10 === 9) await pause(CHECKPOINT_INTERVAL_MS * 3)
    }
    const walPages = statSync(`${path}-wal`).size / PAGE_BYTES
    expect(walPages).toBeLessThan(1_000)
    const count = await sql<{ n: number }>`select count(*) as n from pages`.execute(db)
    expect(count.rows).toEqual([{ n: 3_000 }])
  })

  it('closes the worker with the connection: once closed, nothing holds the database and its WAL is gone', async () => {
    const { path, db } = open()
    await sql`create table notes (body text)`.execute(db)
    await sql`insert into notes values ('kept')`.execute(db)
    await pause(CHECKPOINT_INTERVAL_MS * 2)
    await handle!.close()
    handle = undefined
    expect(existsSync(`${path}-wal`)).toBe(false)
    const reopened = new SqliteDatabase(path, { readonly: true })
    try {
      expect(reopened.prepare('select body from notes').all()).toEqual([{ body: 'kept' }])
    } finally {
      reopened.close()
    }
  })

  it('gives the connection its own checkpoints back when the worker fails', async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-checkpoints-'))
    const sqlite = new SqliteDatabase(join(dir, 'store.db'))
    try {
      sqlite.pragma('journal_mode = WAL')
      // The worker cannot open a database that is not there: it fails as it starts.
      const checkpointer = checkpointInBackground(sqlite, join(dir, 'missing.db'))
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      await checkpointer.stop()
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000)
    } finally {
      sqlite.close()
    }
  })
})
