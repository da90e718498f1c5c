import { priceBookSchema, type Component, type Offering, type PriceBookInput } from './catalog-schema'

/** A validated price book with lookups, identified by the catalog version quotes are priced with. */
export interface Catalog {
  version: string
  components: ReadonlyMap<string, Component>
  offerings: ReadonlyMap<string, Offering>
}

/** Throws a ZodError naming every problem when the price book does not parse. */
export function buildCatalog(version: string, priceBook: PriceBookInput): Catalog {
  const book = priceBookSchema.parse(priceBook)
  return {
    version,
    components: new Map(book.components.map((component) => [component.code, component])),
    offerings: new Map(book.offerings.map((offering) => [offering.slug, offering])),
  }
}
