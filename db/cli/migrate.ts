import { loadConfig } from '../../server/config'
import { connectDatabase } from '../connect'
import { migrateToLatest } from '../migrate'

const config = loadConfig(process.env)
const handle = connectDatabase(config.DATABASE_URL)
const applied = await migrateToLatest(handle.db)
console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date')
await handle.close()
