import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectDatabase, PREPARED_STATEMENTS_KEPT, type DatabaseHandle } from '../../db/connect'

/** SQLite's prepared statements are kept per SQL text (db/connect.ts); PostgreSQL's: postgres-prepared-statements.test.ts. */
describe('SQLite statements kept prepared', () => {
  let dir: string
  let handle: DatabaseHandle
  let db: Kysely<any>
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-statements-'))
    handle = connectDatabase(`file:${join(dir, 'test.db')}`)
    db = handle.db as Kysely<any>
    await sql`create table things (id integer primary key, name text not null)`.execute(db)
    await db.insertInto('things').values([1, 2, 3].map((id) => ({ id, name: `thing ${id}` }))).execute()
  })
  afterEach(async () => {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const all = () => db.selectFrom('things').selectAll().orderBy('id').execute()

  it('streams with a kept statement, and runs it again afterwards', async () => {
    for (let time = 0; time < 2; time++) {
      const seen: number[] = []
      for await (const row of db.selectFrom('things').selectAll().orderBy('id').stream()) seen.push(row.id)
      expect(seen).toEqual([1, 2, 3])
      expect(await all()).toHaveLength(3)
    }
  })

  it('answers with the table as it is after its schema changed', async () => {
    expect(Object.keys((await all())[0])).toEqual(['id', 'name'])
    await sql`alter table things add column colour text`.execute(db)
    expect((await all())[0]).toEqual({ id: 1, name: 'thing 1', colour: null })
  })

  it('keeps working past the number of statements it keeps', async () => {
    for (let size = 1; size <= PREPARED_STATEMENTS_KEPT + 10; size++) {
      const ids = Array.from({ length: size }, (_, index) => index + 1)
      expect(await db.selectFrom('things').select('id').where('id', 'in', ids).execute()).toHaveLength(Math.min(size, 3))
    }
    expect(await all()).toHaveLength(3)
  })
})
