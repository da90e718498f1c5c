import { ConfigError, type Config } from '../config'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { demoStaff, seedDemoStaff } from '../../db/seed/demo-staff'
import { seedDatabase } from '../../db/seed/seed'
import { hasAnyRelease } from '../repositories/catalog-releases-repository'
import { createCatalogStore } from './catalog-store'
import { createRateLimits } from './rate-limits'
import { createStripeGateway } from './stripe-gateway'
import { createLandingPageCache } from '../landing/landing-page-cache'
import { createLandingViewCounter } from '../landing/landing-view-counter'
import type { Services } from './services'

/** Opens the database, brings its schema up to date and wires the services (the command-line tools too). */
export async function startServices(config: Config, log: Services['log'] = (error) => console.error(error)): Promise<{ services: Services; database: DatabaseHandle }> {
  const database = connectDatabase(config.DATABASE_URL, { pool: config.pool, checkpointInBackground: true })
  // Migrations may run longer than a request's statement timeout, or wait that long for another
  // process's (the migrator's advisory lock): on PostgreSQL they get a connection without one.
  const migrating = database.kind === 'postgres' ? connectDatabase(config.DATABASE_URL, { pool: { size: 1, connectTimeoutMs: config.pool.connectTimeoutMs } }) : database
  // The first statement is where an unreachable or misconfigured database shows: say so in one line.
  await migrateToLatest(migrating.db)
    .catch(async (error: NodeJS.ErrnoException) => {
      await database.close().catch(() => undefined)
      throw new ConfigError(`Cannot use the database ${withoutPassword(config.DATABASE_URL)}: ${[error.code, error.message].filter(Boolean).join(' ')}`)
    })
    .finally(() => (migrating === database ? undefined : migrating.close()))
  const now = () => new Date()
  const services: Services = {
    db: database.db,
    catalogs: createCatalogStore(database.db, now),
    now,
    siteUrl: (config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, ''),
    log,
    stripe: await createStripeGateway(config),
    orderPolicy: config.orderPolicy,
    limits: createRateLimits(database.driver, config.limits, { sweepExpired: true }),
    trustProxy: config.TRUST_PROXY,
    sessionPolicy: config.sessionPolicy,
    operator: config.operator,
    landingPages: createLandingPageCache(),
    landingViews: createLandingViewCounter(database.db, log),
  }
  return { services, database }
}

/** A database URL fit for a log line. */
function withoutPassword(url: string): string {
  if (!url.startsWith('postgres')) return url
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

/** Where start-up remarks go: the console in development, the JSON log in the production server. */
export interface StartNotes {
  info: (message: string) => void
  warn: (message: string) => void
}

/**
 * What a starting server (not a command-line tool) does to its database before serving. It never
 * re-seeds: the catalog changes only through the console. A new embedded database (npm start on a fresh
 * machine) gets the demo data once; PostgreSQL is seeded on demand (npm run db:seed). Outside
 * production the demo console users are added, after the building managers one of them is linked to.
 */
export async function prepareDatabaseForServing(database: DatabaseHandle, config: Pick<Config, 'demoStaff'>, notes: StartNotes = console): Promise<void> {
  if (!(await hasAnyRelease(database.db))) {
    if (database.kind === 'sqlite') {
      await seedDatabase(database.db, { now: new Date() })
      notes.info('New embedded database: loaded the demo catalog, buildings and offer code (npm run db:seed).')
    } else {
      notes.warn('No catalog is published in this database: pages and quotes answer errors until you run npm run db:seed or publish one.')
    }
  }
  if (config.demoStaff) {
    await seedDemoStaff(database.db, new Date())
    notes.info(`Console demo users ${demoStaff.map((user) => user.email).join(', ')} are present (password in the README): NODE_ENV is not production.`)
  }
}
