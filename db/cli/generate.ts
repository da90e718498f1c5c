import { sql } from 'kysely'
import { parseArgs } from 'node:util'
import { loadConfig } from '../../server/config'
import { connectDatabase } from '../connect'
import { AlreadyGeneratedError, DEFAULT_GENERATE_NOW, generateCity } from '../generate/generate'
import { migrateToLatest } from '../migrate'

/** `npm run db:generate [-- --scale 0.01] [--seed 1] [--force]`: fills DATABASE_URL to city scale. */
const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '20261120' }, force: { type: 'boolean', default: false } } })
const scale = Number(values.scale)
if (!(scale > 0)) throw new Error(`--scale must be a positive number, not ${values.scale}`)

const config = loadConfig(process.env)
const handle = connectDatabase(config.DATABASE_URL)
const started = Date.now()
try {
  await migrateToLatest(handle.db)
  const counts = await generateCity(handle.db, { scale, seed: Number(values.seed), now: DEFAULT_GENERATE_NOW, force: values.force })
  // PostgreSQL: mark the bulk-loaded pages all-visible now rather than when autovacuum comes by.
  if (handle.kind === 'postgres') await sql`vacuum analyze`.execute(handle.db)
  console.log(`generated ${JSON.stringify(counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} catch (error) {
  if (!(error instanceof AlreadyGeneratedError)) throw error
  console.error(error.message)
  process.exitCode = 1
} finally {
  await handle.close()
}
