import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryResult } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { checkpointInBackground } from './wal-checkpointer'

export type DatabaseKind = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
  /** The driver's own connection under Kysely, for libraries that take one (the rate limiter). */
  driver: { kind: 'sqlite'; sqlite: SqliteDatabase.Database } | { kind: 'postgres'; pool: pg.Pool }
  close: () => Promise<void>
}

/**
 * Kysely's SQLite driver begins deferred transactions; ours take the write lock up front. And a write
 * is answered only once it is on disk, without holding the event loop while it gets there.
 *
 * With synchronous=FULL, SQLite's COMMIT syncs the WAL itself, on the one thread that also serves
 * every request: a sixth of a stored quote's time went to waiting for the disk there (profile,
 * 50 connections). So the connection runs at synchronous=NORMAL, which in WAL mode does everything
 * FULL does (the WAL synced before each checkpoint, the database after it, the WAL header when the WAL
 * restarts) except that one sync after each commit; this driver does that sync instead, on libuv's
 * thread pool: a write statement that leaves the connection outside a transaction (a COMMIT, the
 * outermost RELEASE, a write in autocommit) returns once the WAL's data is synced. A caller hears of
 * its write, as with FULL, only once it would survive power loss; the event loop meanwhile serves
 * other requests, and the next writes wait for the connection as they did.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #sqlite: SqliteDatabase.Database
  readonly #statements: StatementCache
  readonly #wal: WalSync | undefined
  #durable: DatabaseConnection | undefined

  constructor(sqlite: SqliteDatabase.Database, statements: StatementCache, wal: WalSync | undefined) {
    super({ database: statements })
    this.#sqlite = sqlite
    this.#statements = statements
    this.#wal = wal
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection()
    const wal = this.#wal
    if (!wal) return connection
    this.#durable ??= {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const wasInTransaction = this.#sqlite.inTransaction
        const result = await connection.executeQuery<R>(query)
        // A transaction ended (SQLite counts COMMIT and RELEASE as read-only), or a write ran on its own.
        if (!this.#sqlite.inTransaction && (wasInTransaction || !this.#statements.prepare(query.sql).readonly)) await wal.sync()
        return result
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    }
    return this.#durable
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  override async destroy(): Promise<void> {
    await super.destroy()
    await this.#wal?.close()
  }
}

interface WalSync {
  /** fdatasync of the WAL file: what SQLite wrote to it so far is on disk once this resolves. */
  sync: () => Promise<void>
  close: () => Promise<void>
}

function walSync(databasePath: string): WalSync {
  let file: Promise<FileHandle | undefined> | undefined
  const handle = () =>
    (file ??= open(`${databasePath}-wal`, 'r').catch((error: NodeJS.ErrnoException) => {
      file = undefined
      // No WAL yet: nothing was written to sync.
      if (error.code === 'ENOENT') return undefined
      throw error
    }))
  return {
    sync: async () => {
      await (await handle())?.datasync()
    },
    close: async () => {
      const opened = await file?.catch(() => undefined)
      file = undefined
      await opened?.close()
    },
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #sqlite: SqliteDatabase.Database
  readonly #statements: StatementCache
  readonly #wal: WalSync | undefined
  constructor(sqlite: SqliteDatabase.Database, wal: WalSync | undefined) {
    const statements = withStatementCache(sqlite)
    super({ database: statements })
    this.#sqlite = sqlite
    this.#statements = statements
    this.#wal = wal
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#sqlite, this.#statements, this.#wal)
  }
}

/** Distinct statements kept prepared (an `in (…)` list's every length is one). */
export const PREPARED_STATEMENTS_KEPT = 500

/**
 * Kysely's SQLite driver prepares every statement it runs, each time: a tenth of an order's time
 * (measured). The same SQL text reuses its prepared statement (Kysely runs one query at a time on
 * the one connection, a streamed one included, so a kept statement is never in use twice); the
 * least recently used go once PREPARED_STATEMENTS_KEPT are kept.
 */
type StatementCache = { close: () => void; prepare: (sql: string) => SqliteDatabase.Statement }

function withStatementCache(sqlite: SqliteDatabase.Database): StatementCache {
  const prepared = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      // Most recently used last: a Map iterates in insertion order.
      const statement = prepared.get(sql) ?? sqlite.prepare(sql)
      prepared.delete(sql)
      if (prepared.size >= PREPARED_STATEMENTS_KEPT) prepared.delete(prepared.keys().next().value!)
      prepared.set(sql, statement)
      return statement
    },
  }
}

const INT8_OID = 20

/** How a server process uses PostgreSQL (DB_POOL_SIZE, DB_STATEMENT_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS). */
export interface DatabasePoolSettings {
  /** Connections at most, per process. */
  size: number
  /** A statement running longer is cancelled by the server (57014). */
  statementTimeoutMs: number
  /** Longest wait for a connection, new or from the pool, before the query fails. */
  connectTimeoutMs: number
  /**
   * Statements with parameters run as prepared statements, parsed and planned once per connection.
   * For a server process only: a prepared `select *` fails once a migration changes its table.
   */
  prepareStatements: boolean
}

/** Without settings (command-line tools, tests): 10 connections, no statement timeout (a city is generated in long statements). */
const toolPool = { size: 10 }

/**
 * A connection that runs each statement with parameters (Kysely's queries, as `text, values`) as a
 * named prepared statement, so PostgreSQL parses and plans its text once per connection instead of at
 * every run; at most PREPARED_STATEMENTS_KEPT texts per connection (an `in (…)` list's every length,
 * a multi-row insert's every row count, is a text of its own), later ones run unprepared.
 */
function preparingStatements(client: pg.PoolClient): void {
  const prepared = new Set<string>()
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && rest.length === 0) {
      const name = statementName(text)
      if (prepared.has(name) || prepared.size < PREPARED_STATEMENTS_KEPT) {
        prepared.add(name)
        return query({ name, text, values })
      }
    }
    return query(text, values, ...rest)
  }) as typeof client.query
}

/**
 * Each text's name, hashed once per process: hashing an order's insert at its every run was 2.6 % of the
 * server's time placing orders. Texts beyond what a connection prepares are named afresh each time.
 */
const statementNames = new Map<string, string>()

function statementName(text: string): string {
  let name = statementNames.get(text)
  if (name === undefined) {
    name = `k${createHash('sha1').update(text).digest('base64url')}`
    if (statementNames.size < PREPARED_STATEMENTS_KEPT) statementNames.set(text, name)
  }
  return name
}

export interface ConnectOptions {
  /** Every PostgreSQL table in that schema (tests give each run its own). */
  schema?: string
  pool?: Partial<DatabasePoolSettings>
  /** SQLite: the WAL is checkpointed by a worker thread, not inside commits (wal-checkpointer.ts); for a server. */
  checkpointInBackground?: boolean
}

/** `file:PATH` (or `:memory:`) opens SQLite in WAL mode; `postgres://...` opens a pool. */
export function connectDatabase(url: string, options: ConnectOptions = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const settings: Partial<DatabasePoolSettings> = options.pool ?? toolPool
    const timeout = settings.statementTimeoutMs
    const pool = new pg.Pool({
      connectionString: url,
      max: settings.size,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      // A transaction left open by a stuck request would hold its row locks for everyone else.
      ...(timeout ? { idle_in_transaction_session_timeout: Math.max(timeout * 2, 10_000) } : {}),
      // JIT off: the queue's short queries were compiled for ~30 ms each (their cost estimates pass
      // the JIT threshold at city scale) to save a few; an OLTP workload never gains from it.
      options: ['-c jit=off', ...(timeout ? [`-c statement_timeout=${timeout}`] : []), ...(options.schema ? [`-c search_path=${options.schema}`] : [])].join(' '),
      // Money columns are bigint; every amount we store is far below 2^53.
      types: { getTypeParser: (oid: number, format?: any) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    })
    // A connection that drops (server restart, failover, pg_terminate_backend) emits 'error' with no
    // query to fail: on the pool for an idle client, on the client itself while it is checked out
    // between statements (a transaction awaiting the app, the job lock holder). Unhandled, either
    // would end the process. The client is left unqueryable: its next query fails (503), and the pool
    // drops it on release and opens a new one.
    pool.on('error', () => {})
    pool.on('connect', (client) => {
      client.on('error', () => {})
      if (settings.prepareStatements) preparingStatements(client)
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
  // An acknowledged order survives power loss too, not only a killed process: NORMAL, and the sync
  // after each commit that FULL would add is the driver's, off the event loop (ImmediateSqliteDriver).
  sqlite.pragma('synchronous = NORMAL')
  // An in-memory database has nothing to sync.
  const inMemory = path === ':memory:'
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, inMemory ? undefined : walSync(path)) })
  const checkpointer = options.checkpointInBackground && !inMemory ? checkpointInBackground(sqlite, path) : undefined
  const close = async () => {
    // Answered once the worker's connection is closed too: nothing holds the file afterwards.
    await checkpointer?.stop()
    await db.destroy()
  }
  return { db, kind: 'sqlite', driver: { kind: 'sqlite', sqlite }, close }
}
