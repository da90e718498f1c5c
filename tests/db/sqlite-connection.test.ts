import { mkdtempSync, rmSync } from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'

describe('SQLite connection', () => {
  let dir: string
  let handle: DatabaseHandle
  afterEach(async () => {
    vi.restoreAllMocks()
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

  /** Every fdatasync of the process, held until released (the real one is not made). */
  async function holdSyncs() {
    const probe = await openFile(dir, 'r')
    const fileHandle = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }
    await probe.close()
    const held: (() => void)[] = []
    const datasync = vi.spyOn(fileHandle, 'datasync').mockImplementation(() => new Promise<void>((resolve) => held.push(resolve)))
    return { datasync, releaseAll: () => held.splice(0).forEach((release) => release()) }
  }

  const turns = async (count: number) => {
    for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve))
  }

  /** `write` is not answered while its sync (the `syncsBy`-th of the test) is held, and is once it is made. */
  async function expectAnsweredOnceSynced(syncs: Awaited<ReturnType<typeof holdSyncs>>, write: Promise<unknown>, syncsBy: number) {
    const state = { answered: false }
    void write.then(() => (state.answered = true))
    await turns(5)
    expect(syncs.datasync).toHaveBeenCalledTimes(syncsBy)
    expect(state.answered).toBe(false)
    syncs.releaseAll()
    await turns(2)
    expect(state.answered).toBe(true)
  }

  // synchronous=NORMAL, with the sync after each commit made by the driver off the event loop: an
  // acknowledged write must still be on disk, as with FULL.
  it('answers a write only once the WAL is synced: a commit once, a write of its own once, a read never', async () => {
    open()
    await sql`create table counter (n integer)`.execute(handle.db)
    const syncs = await holdSyncs()
    await expectAnsweredOnceSynced(syncs, sql`insert into counter values (1)`.execute(handle.db), 1)
    const transaction = handle.db.transaction().execute(async (trx) => {
      await sql`insert into counter values (2)`.execute(trx)
      await sql`insert into counter values (3)`.execute(trx)
    })
    await expectAnsweredOnceSynced(syncs, transaction, 2)

    const read = await sql<{ n: number }>`select count(*) as n from counter`.execute(handle.db)
    expect(read.rows).toEqual([{ n: 3 }])
    expect(syncs.datasync).toHaveBeenCalledTimes(2)
    const pragma = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db)
    expect(pragma.rows).toEqual([{ synchronous: 1 }])
  })
})
