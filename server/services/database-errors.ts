/** A unique or primary-key clash, as SQLite (better-sqlite3) and PostgreSQL (pg) report it. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/**
 * A unique clash on `table.column` alone, which a caller may answer in its own way (another random
 * number drawn, "already ordered"), and no other: SQLite names the columns in its message, PostgreSQL
 * the table and the key in its error's fields.
 */
export function isUniqueViolationOn(error: unknown, table: string, column: string): boolean {
  if (!isUniqueViolation(error)) return false
  const { message, table: clashTable, detail } = error as { message?: unknown; table?: unknown; detail?: unknown }
  if (clashTable !== undefined) return clashTable === table && typeof detail === 'string' && detail.startsWith(`Key (${column})=`)
  return message === `UNIQUE constraint failed: ${table}.${column}`
}


/** PostgreSQL SQLSTATEs of a server going away or refusing work: shutdown, crash, termination, too many clients, cancelled by statement_timeout. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '57014', '53300', '53400'])
/** Socket-level failures to reach the database server. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'SQLITE_BUSY'])
/** What node-postgres says when a connection ends, cannot be had in time, or is broken (no code of its own). */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /is not queryable/, /Client was closed/, /Cannot use a pool after calling end/]

/**
 * Whether the error means the database cannot be used right now (rather than a fault in the request
 * or in our code): the request may succeed when retried a little later. Looks through `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || UNREACHABLE_CODES.has(code))) return true
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true
  }
  return false
}
