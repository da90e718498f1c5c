/** URL query parameters libpq also reads from the environment (the ones a DATABASE_URL carries in practice). */
const QUERY_PARAMETERS: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  dbname: 'PGDATABASE',
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  application_name: 'PGAPPNAME',
}

/**
 * DATABASE_URL as libpq environment variables for pg_dump and pg_restore: a password on their
 * command line would be readable by every local user (ps, /proc/PID/cmdline).
 */
export function libpqEnvironment(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl)
  const environment: Record<string, string> = {}
  const set = (name: string, value: string) => {
    if (value !== '') environment[name] = decodeURIComponent(value)
  }
  set('PGHOST', url.hostname.replace(/^\[(.*)\]$/, '$1'))
  set('PGPORT', url.port)
  set('PGUSER', url.username)
  set('PGPASSWORD', url.password)
  set('PGDATABASE', url.pathname.slice(1))
  for (const [parameter, value] of url.searchParams) {
    if (QUERY_PARAMETERS[parameter]) environment[QUERY_PARAMETERS[parameter]] = value
  }
  return environment
}
