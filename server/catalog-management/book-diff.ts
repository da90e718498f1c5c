import type { PriceBook } from '../pricing/catalog-schema'

export interface NamedChanges {
  added: string[]
  removed: string[]
  changed: string[]
}

/** What differs between two price books: offerings by slug and components by code, each added, removed or changed. */
export function bookDiff(before: PriceBook, after: PriceBook): { offerings: NamedChanges; components: NamedChanges } {
  return {
    offerings: namedChanges(before.offerings, after.offerings, (offering) => offering.slug),
    components: namedChanges(before.components, after.components, (component) => component.code),
  }
}

function namedChanges<T>(before: T[], after: T[], name: (item: T) => string): NamedChanges {
  const old = new Map(before.map((item) => [name(item), JSON.stringify(item)]))
  const next = new Map(after.map((item) => [name(item), JSON.stringify(item)]))
  return {
    added: [...next.keys()].filter((key) => !old.has(key)),
    removed: [...old.keys()].filter((key) => !next.has(key)),
    changed: [...next.keys()].filter((key) => old.has(key) && old.get(key) !== next.get(key)),
  }
}
