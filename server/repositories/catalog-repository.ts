import { createHash } from 'node:crypto'
import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { buildCatalog, type Catalog } from '../pricing/catalog'
import { priceBookSchema, type Component, type PriceBook, type PriceBookInput } from '../pricing/catalog-schema'
import { PRICING_RULES_REVISION } from '../pricing/rules/registry'

/** The PostgreSQL advisory lock that makes catalog versions one at a time (any constant shared by every process). */
const CATALOG_VERSION_LOCK = 7_140_001

/**
 * Stores a price book as a new catalog version unless an identical one exists; returns its id.
 * Rejects (ZodError) a price book that does not parse, before anything is written.
 */
export async function saveCatalogVersion(
  db: Kysely<Database>,
  priceBook: PriceBookInput,
  now: Date,
  rulesRevision = PRICING_RULES_REVISION,
): Promise<string> {
  const book = priceBookSchema.parse(priceBook)
  return inCatalogTransaction(db, (trx) => storeCatalogVersion(trx, book, now, rulesRevision))
}

/**
 * Runs work that stores a catalog version in one transaction, one such transaction at a time across
 * every server process: the next sequence number (max + 1) and "is this book already a version" are
 * read and written without another process in between. SQLite's write transactions (BEGIN IMMEDIATE,
 * db/connect.ts) already are; PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function inCatalogTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${CATALOG_VERSION_LOCK})`.execute(trx)
    return work(trx)
  })
}

/** The version of a parsed price book inside the caller's transaction (see inCatalogTransaction): an identical one if it exists. */
export async function storeCatalogVersion(trx: Kysely<Database>, book: PriceBook, now: Date, rulesRevision = PRICING_RULES_REVISION): Promise<string> {
  return insertCatalogVersion(trx, book, catalogContentHash(book, rulesRevision), now)
}

async function insertCatalogVersion(trx: Kysely<Database>, book: PriceBook, contentHash: string, now: Date): Promise<string> {
  const existing = await trx.selectFrom('catalog_versions').select('id').where('content_hash', '=', contentHash).executeTakeFirst()
  if (existing) return existing.id
  await trx
    .insertInto('catalog_versions')
    .columns(['id', 'sequence', 'content_hash', 'created_at'])
    .expression(
      trx
        .selectFrom('catalog_versions')
        .select([
          sql<string>`'v' || (coalesce(max(sequence), 0) + 1) || ${`-${contentHash.slice(0, 8)}`}`.as('id'),
          sql<number>`coalesce(max(sequence), 0) + 1`.as('sequence'),
          sql<string>`${contentHash}`.as('content_hash'),
          sql<string>`${now.toISOString()}`.as('created_at'),
        ]),
    )
    .execute()
  const { id } = await trx.selectFrom('catalog_versions').select('id').where('content_hash', '=', contentHash).executeTakeFirstOrThrow()
  await trx
    .insertInto('catalog_components')
    .values(
      book.components.map((component, position) => ({
        catalog_version: id,
        code: component.code,
        position,
        name_zh: component.name.zh,
        name_en: component.name.en,
        category: component.category,
        monthly_fen: component.monthly,
        install_fen: component.install,
        speed_mbps: component.speedMbps ?? null,
        needs_json: JSON.stringify(component.needs),
      })),
    )
    .execute()
  const termPrices = book.components.flatMap((component) =>
    component.termPrices.map((price) => ({
      catalog_version: id,
      component_code: component.code,
      term_months: price.termMonths,
      monthly_fen: price.monthly,
    })),
  )
  if (termPrices.length > 0) await trx.insertInto('catalog_term_prices').values(termPrices).execute()
  await trx
    .insertInto('catalog_offerings')
    .values(
      book.offerings.map((offering, position) => ({
        catalog_version: id,
        slug: offering.slug,
        position,
        listed: offering.listed ? 1 : 0,
        definition_json: JSON.stringify(offering),
      })),
    )
    .execute()
  return id
}

/**
 * What identifies a catalog version: its data and the revision of the rules that read it, so the same
 * data under rules that now price differently (v2's gift and care corrections) is a new version.
 */
export function catalogContentHash(book: PriceBook, rulesRevision: number): string {
  return createHash('sha256').update(JSON.stringify({ rulesRevision, book })).digest('hex')
}

/** Reads one catalog version back and validates it again: stored rules are data, not trusted code. */
export async function loadCatalog(db: Kysely<Database>, version: string): Promise<Catalog> {
  const [components, termPrices, offerings] = await Promise.all([
    db.selectFrom('catalog_components').selectAll().where('catalog_version', '=', version).orderBy('position').execute(),
    db.selectFrom('catalog_term_prices').selectAll().where('catalog_version', '=', version).orderBy('term_months').execute(),
    db.selectFrom('catalog_offerings').selectAll().where('catalog_version', '=', version).orderBy('position').execute(),
  ])
  if (components.length === 0) throw new Error(`catalog version ${version} does not exist`)
  return buildCatalog(version, {
    components: components.map(
      (row): Component => ({
        code: row.code,
        name: { zh: row.name_zh, en: row.name_en },
        category: row.category as Component['category'],
        monthly: row.monthly_fen,
        install: row.install_fen,
        ...(row.speed_mbps === null ? {} : { speedMbps: row.speed_mbps }),
        termPrices: termPrices
          .filter((price) => price.component_code === row.code)
          .map((price) => ({ termMonths: price.term_months, monthly: price.monthly_fen })),
        needs: JSON.parse(row.needs_json),
      }),
    ),
    offerings: offerings.map((row) => JSON.parse(row.definition_json)),
  })
}
