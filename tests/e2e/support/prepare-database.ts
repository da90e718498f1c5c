import { connectDatabase } from '../../../db/connect'
import { migrateToLatest } from '../../../db/migrate'
import { seedDatabase } from '../../../db/seed/seed'

/**
 * Run before the e2e server starts, on its fresh database: the seed, then room at Jin Mao for every
 * journey of the run. They all order there from one database, and unpaid orders keep their ports
 * for days, so the seed's 12 fibre ports would make the last journeys a survey instead of a sale.
 */
const handle = connectDatabase(process.env.DATABASE_URL!)
try {
  await migrateToLatest(handle.db)
  await seedDatabase(handle.db, { now: new Date() })
  await handle.db.updateTable('buildings').set({ free_fibre_ports: 500, free_voice_ports: 2000 }).where('id', '=', 'bld-jinmao-tower').execute()
} finally {
  await handle.close()
}
