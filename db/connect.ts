import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'

export type DatabaseKind = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
  /** The driver's own connection under Kysely, for libraries that take one (the rate limiter). */
  driver: { kind: 'sqlite'; sqlite: SqliteDatabase.Database } | { kind: 'postgres'; pool: pg.Pool }
  close: () => Promise<void>
}

/** Kysely's SQLite driver begins deferred transactions; ours take the write lock up front. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig
  constructor(config: SqliteDialectConfig) {
    super(config)
    this.#config = config
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config)
  }
}

const INT8_OID = 20

/**
 * `file:PATH` (or `:memory:`) opens SQLite in WAL mode; `postgres://...` opens a pool.
 * `schema` puts every PostgreSQL table in that schema (tests give each run its own).
 */
export function connectDatabase(url: string, options: { schema?: string } = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // JIT off: the queue's short queries were compiled for ~30 ms each (their cost estimates pass
      // the JIT threshold at city scale) to save a few; an OLTP workload never gains from it.
      options: ['-c jit=off', ...(options.schema ? [`-c search_path=${options.schema}`] : [])].join(' '),
      // Money columns are bigint; every amount we store is far below 2^53.
      types: { getTypeParser: (oid: number, format?: any) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', driver: { kind: 'postgres', pool }, close: () => db.destroy() }
  }
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SqliteDatabase(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  // FULL: an acknowledged order survives power loss too, not only a killed process (NORMAL in WAL mode).
  sqlite.pragma('synchronous = FULL')
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) })
  return { db, kind: 'sqlite', driver: { kind: 'sqlite', sqlite }, close: () => db.destroy() }
}
