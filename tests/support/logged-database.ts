import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely'
import { afterAll, beforeAll } from 'vitest'
import type { DatabaseKind } from '../../db/connect'
import type { Database } from '../../db/schema'
import { createSeededDatabase, type TestDatabase } from './test-database'

/**
 * A seeded database for the tests of a describe block, and a second Kysely on the same connection
 * that records every statement it runs (`statements`), to count the trips a repository makes.
 */
export function useLoggedSeededDatabase(kind: DatabaseKind) {
  let database: TestDatabase
  let logged: Kysely<Database>
  const statements: string[] = []
  beforeAll(async () => {
    database = await createSeededDatabase(kind)
    const log = (event: LogEvent) => void statements.push(event.query.sql)
    logged =
      database.driver.kind === 'sqlite'
        ? new Kysely<Database>({ dialect: new SqliteDialect({ database: database.driver.sqlite }), log })
        : new Kysely<Database>({ dialect: new PostgresDialect({ pool: database.driver.pool }), log })
  })
  afterAll(() => database.drop())
  return { database: () => database, db: () => logged, statements }
}
