import { sql, type Transaction } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectDatabase } from '../../db/connect'
import type { Database } from '../../db/schema'
import { migrateToLatest } from '../../db/migrate'
import { insertTogether, writeTogether } from '../../server/services/group-commit'
import { useLoggedSeededDatabase } from '../support/logged-database'
import { createEmptyDatabase, databaseKinds, type TestDatabase } from '../support/test-database'

describe.each(databaseKinds)('writes arriving together (group commit) on %s', (kind) => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await createEmptyDatabase(kind)
    await sql`create table probe (id varchar(20) primary key, note varchar(20))`.execute(database.db)
  })
  afterEach(async () => database.drop())

  const insert = (trx: Transaction<Database>, id: string) => sql`insert into probe (id, note) values (${id}, 'x')`.execute(trx)
  const storedIds = async () => (await sql<{ id: string }>`select id from probe order by id`.execute(database.db)).rows.map((row) => row.id)

  it('stores every write of a burst and answers each caller with its own result, once committed', async () => {
    const ids = Array.from({ length: 30 }, (_, index) => `q${String(index).padStart(2, '0')}`)
    const answers = await Promise.all(ids.map((id) => writeTogether(database.db, async (trx) => (await insert(trx, id), `stored ${id}`))))
    expect(answers).toEqual(ids.map((id) => `stored ${id}`))
    // Answered means committed: another connection to the same database sees every row.
    const other = connectDatabase(database.location.url, { schema: database.location.schema })
    try {
      expect((await sql<{ id: string }>`select id from probe order by id`.execute(other.db)).rows.map((row) => row.id)).toEqual(ids)
    } finally {
      await other.close()
    }
  })

  it('rolls back only the write that failed: its caller gets its own error, the others are stored', async () => {
    const results = await Promise.allSettled([
      writeTogether(database.db, (trx) => insert(trx, 'first')),
      writeTogether(database.db, async (trx) => {
        await insert(trx, 'half-done')
        await insert(trx, 'first') // already there: this write fails after writing a row of its own
      }),
      writeTogether(database.db, async () => {
        throw new Error('refused before writing')
      }),
      writeTogether(database.db, (trx) => insert(trx, 'last')),
    ])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect(String((results[2] as PromiseRejectedResult).reason)).toContain('refused before writing')
    expect(String((results[1] as PromiseRejectedResult).reason)).not.toContain('refused before writing')
    expect(await storedIds()).toEqual(['first', 'last'])
  })

  it(kind === 'sqlite' ? 'shares one transaction (one fsync) among the writes that arrive together' : 'gives each write a transaction of its own', async () => {
    const transactions: Transaction<Database>[] = []
    const seen = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        writeTogether(database.db, async (trx) => {
          transactions.push(trx)
          await insert(trx, `t${index}`)
          return Number((await sql<{ n: number | string }>`select count(*) as n from probe`.execute(trx)).rows[0].n)
        }),
      ),
    )
    expect(new Set(transactions).size).toBe(kind === 'sqlite' ? 1 : 10)
    // Together, each write sees the ones before it, as if they had committed first.
    if (kind === 'sqlite') expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // A write that comes later is committed in a transaction of its own.
    await writeTogether(database.db, async (trx) => void (transactions.push(trx), await insert(trx, 'later')))
    expect(new Set(transactions).size).toBe(kind === 'sqlite' ? 2 : 11)
  })
})

describe.each(databaseKinds)('rows inserted together on %s', (kind) => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await createEmptyDatabase(kind)
    await migrateToLatest(database.db)
  })
  afterEach(async () => database.drop())

  const flash = (id: string) => ({ id, payload_json: '{}', expires_at: '2026-12-01T00:00:00.000Z' })
  const storedIds = async () => (await database.db.selectFrom('form_flashes').select('id').orderBy('id').execute()).map((row) => row.id)

  it('stores every row of a burst, each answered once stored', async () => {
    const ids = Array.from({ length: 40 }, (_, index) => `f${String(index).padStart(2, '0')}`)
    await Promise.all(ids.map((id) => insertTogether(database.db, 'form_flashes', flash(id))))
    expect(await storedIds()).toEqual(ids)
  })

  it('inserts into a transaction it is given, as part of it', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertTogether(trx, 'form_flashes', flash('inside'))
        throw new Error('the transaction gives up')
      }),
    ).rejects.toThrow('the transaction gives up')
    await database.db.transaction().execute((trx) => insertTogether(trx, 'form_flashes', flash('kept')))
    expect(await storedIds()).toEqual(['kept'])
  })

  it('fails only the caller of a bad row: the rows that arrived with it are stored', async () => {
    await insertTogether(database.db, 'form_flashes', flash('taken'))
    const results = await Promise.allSettled(['a', 'taken', 'b'].map((id) => insertTogether(database.db, 'form_flashes', flash(id))))
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await storedIds()).toEqual(['a', 'b', 'taken'])
  })
})

// On SQLite an insert holds the thread until its commit is on disk, and the group commit above is
// what gathers the rows that arrive meanwhile; on PostgreSQL the insert is a round trip, during which
// the event loop turns.
describe('rows arriving while inserts are in flight on postgres', () => {
  const { database, db, statements } = useLoggedSeededDatabase('postgres')

  it('go together in the next insert: six rows, one a turn of the event loop, are four statements (three in flight, then the rest)', async () => {
    // Another connection holds the table, so the inserts stay in flight until it lets go.
    let letGo!: () => void
    const held = new Promise<void>((resolve) => (letGo = resolve))
    let locked!: () => void
    const lockTaken = new Promise<void>((resolve) => (locked = resolve))
    const holding = database().db.transaction().execute(async (trx) => {
      await sql`lock table form_flashes in exclusive mode`.execute(trx)
      locked()
      await held
    })
    await lockTaken
    statements.length = 0
    const stored: Promise<void>[] = []
    for (let index = 0; index < 6; index++) {
      stored.push(insertTogether(db(), 'form_flashes', { id: `turn-${index}`, payload_json: '{}', expires_at: '2026-12-01T00:00:00.000Z' }))
      await new Promise((resolve) => setImmediate(resolve))
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    letGo()
    await holding
    await Promise.all(stored)
    expect(statements.filter((statement) => /^insert into "form_flashes"/.test(statement))).toHaveLength(4)
    expect((await db().selectFrom('form_flashes').select('id').where('id', 'like', 'turn-%').execute()).length).toBe(6)
  })
})
