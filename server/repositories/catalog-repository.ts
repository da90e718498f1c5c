import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { buildCatalog, type Catalog } from '../pricing/catalog'
import { priceBookSchema, type Component, type PriceBook, type PriceBookInput } from '../pricing/catalog-schema'
import { PRICING_RULES_REVISION } from '../pricing/rules/registry'

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
  const contentHash = catalogContentHash(book, rulesRevision)
  return db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('catalog_versions').select((eb) => eb.fn.max('sequence').as('sequence')).executeTakeFirst()
    const sequence = Number(last?.sequence ?? 0) + 1
    const existing = await trx.selectFrom('catalog_versions').selectAll().where('content_hash', '=', contentHash).executeTakeFirst()
    if (existing) {
      // Going back to an earlier price book makes that version current again.
      if (existing.sequence !== sequence - 1) {
        await trx.updateTable('catalog_versions').set({ sequence }).where('id', '=', existing.id).execute()
      }
      return existing.id
    }
    const id = `v${sequence}-${contentHash.slice(0, 8)}`
    await trx.insertInto('catalog_versions').values({ id, sequence, content_hash: contentHash, created_at: now.toISOString() }).execute()
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
  })
}

/**
 * What identifies a catalog version: its data and the revision of the rules that read it, so the same
 * data under rules that now price differently (v2's gift and care corrections) is a new version.
 */
export function catalogContentHash(book: PriceBook, rulesRevision: number): string {
  return createHash('sha256').update(JSON.stringify({ rulesRevision, book })).digest('hex')
}

export async function findCurrentCatalogVersion(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom('catalog_versions').select('id').orderBy('sequence', 'desc').limit(1).executeTakeFirst()
  return row?.id
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
