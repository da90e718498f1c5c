/**
 * A second process creating catalog versions (tests/db/catalog-version-race.test.ts): saves the seed
 * price book with bb-100 at each monthly price given, all at once, and prints the version ids as JSON.
 * DATABASE_URL (and SCHEMA on PostgreSQL) name the database.
 */
import { connectDatabase } from '../../../db/connect'
import { seedPriceBook } from '../../../db/seed/seed'
import { saveCatalogVersion } from '../../../server/repositories/catalog-repository'
import { pricedBook } from './priced-book'

const handle = connectDatabase(process.env.DATABASE_URL!, { schema: process.env.SCHEMA || undefined })
try {
  const prices = process.argv.slice(2).map(Number)
  const ids = await Promise.all(prices.map((monthly) => saveCatalogVersion(handle.db, pricedBook(seedPriceBook, monthly), new Date())))
  process.stdout.write(JSON.stringify(ids))
} finally {
  await handle.close()
}
