import { loadConfig } from '../../server/config'
import { connectDatabase } from '../connect'
import { migrateToLatest } from '../migrate'
import { seedDatabase } from '../seed/seed'

const config = loadConfig(process.env)
const handle = connectDatabase(config.DATABASE_URL)
await migrateToLatest(handle.db)
const { catalogVersion } = await seedDatabase(handle.db, { now: new Date() })
console.log(catalogVersion ? `Seeded: the demo catalog is published as version ${catalogVersion}.` : 'Seeded the demo buildings and staff data; the catalog was already published and is left as it is.')
await handle.close()
