import type { Config } from '../config'
import { connectDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase } from '../../db/seed/seed'
import { createCatalogStore } from './catalog-store'
import { createStripeGateway } from './stripe-gateway'
import type { Services } from './services'

/** Opens the database, brings its schema up to date, seeds it (idempotent) and wires the services. */
export async function startServices(config: Config): Promise<{ services: Services; database: DatabaseHandle }> {
  const database = connectDatabase(config.DATABASE_URL)
  await migrateToLatest(database.db)
  await seedDatabase(database.db, { now: new Date() })
  const services: Services = {
    db: database.db,
    catalogs: createCatalogStore(database.db),
    now: () => new Date(),
    siteUrl: (config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, ''),
    log: (error) => console.error(error),
    stripe: createStripeGateway(config),
  }
  return { services, database }
}
