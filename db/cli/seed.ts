import { loadConfig } from '../../server/config'
import { connectDatabase } from '../connect'
import { migrateToLatest } from '../migrate'
import { seedDatabase } from '../seed/seed'

const config = loadConfig(process.env)
const handle = connectDatabase(config.DATABASE_URL)
await migrateToLatest(handle.db)
const { catalogVersion } = await seedDatabase(handle.db, { now: new Date() })
console.log(`seeded; current catalog version ${catalogVersion}`)
await handle.close()
