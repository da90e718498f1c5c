import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectDatabase, PREPARED_STATEMENTS_KEPT, type DatabaseHandle } from '../../db/connect'
import { loadConfig } from '../../server/config'
import { testPostgresUrl } from '../support/postgres-url'

/** What the one connection of a pool of one has prepared (PostgreSQL's prepared statements are per connection). */
const preparedTexts = async (db: Kysely<any>) => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((row) => row.statement)

describe('PostgreSQL statements prepared once per connection', () => {
  const schema = `prepared_${process.pid}`
  let setUp: DatabaseHandle
  /** Runs `use` on a pool of one connection, closed afterwards. */
  const withPool = async (prepareStatements: boolean, use: (db: Kysely<any>) => Promise<void>) => {
    const handle = connectDatabase(testPostgresUrl, { schema, pool: { size: 1, prepareStatements } })
    try {
      await use(handle.db as Kysely<any>)
    } finally {
      await handle.close()
    }
  }

  beforeAll(async () => {
    setUp = connectDatabase(testPostgresUrl)
    await sql`create schema ${sql.id(schema)}`.execute(setUp.db)
    await sql`create table ${sql.id(schema, 'things')} (id integer primary key, name text not null)`.execute(setUp.db)
  })
  afterAll(async () => {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(setUp.db)
    await setUp.close()
  })

  it('prepares a statement with parameters once and runs it again by name, with the right rows each time', () =>
    withPool(true, async (db) => {
      for (const id of [1, 2, 3]) await db.insertInto('things').values({ id, name: `thing ${id}` }).execute()
      const named = async (id: number) => (await db.selectFrom('things').select('name').where('id', '=', id).executeTakeFirst())?.name
      expect([await named(1), await named(3), await named(4)]).toEqual(['thing 1', 'thing 3', undefined])
      const prepared = await preparedTexts(db)
      // One prepared statement per text: three inserts and three reads made two.
      expect(prepared.filter((text) => text.startsWith('insert into "things"'))).toHaveLength(1)
      expect(prepared.filter((text) => text.startsWith('select "name" from "things"'))).toHaveLength(1)
    }))

  it('prepares nothing when the setting is off, and answers the same', () =>
    withPool(false, async (db) => {
      expect((await db.selectFrom('things').select('name').where('id', '=', 2).executeTakeFirst())?.name).toBe('thing 2')
      expect(await preparedTexts(db)).toEqual([])
    }))

  it('keeps at most PREPARED_STATEMENTS_KEPT texts per connection, and runs the others unprepared', () =>
    withPool(true, async (db) => {
      // An `in (…)` list of every length up to one past the cap: each length is a text of its own.
      for (let length = 1; length <= PREPARED_STATEMENTS_KEPT + 1; length++) {
        const ids = Array.from({ length }, (_, index) => index + 1)
        expect((await db.selectFrom('things').select('id').where('id', 'in', ids).execute()).length).toBe(Math.min(length, 3))
      }
      expect((await preparedTexts(db)).length).toBe(PREPARED_STATEMENTS_KEPT)
    }))

  it('is on for a server unless DB_PREPARE_STATEMENTS says otherwise', () => {
    expect(loadConfig({}).pool.prepareStatements).toBe(true)
    expect(loadConfig({ DB_PREPARE_STATEMENTS: 'false' }).pool.prepareStatements).toBe(false)
    expect(() => loadConfig({ DB_PREPARE_STATEMENTS: 'maybe' })).toThrow(/DB_PREPARE_STATEMENTS/)
  })
})
