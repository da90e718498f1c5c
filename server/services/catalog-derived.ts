import type { Catalog } from '../pricing/catalog'

const derived = new WeakMap<Catalog, Map<string, unknown>>()

/**
 * What is computed from a catalog version alone (from-prices, described offerings, the catalog API's
 * JSON), computed once per version and kept as long as the version is: versions are immutable, so a
 * value derived from one never changes. `key` names the value within the version; the value must be
 * treated as read-only by everyone who gets it.
 */
export function derivedOnce<T>(catalog: Catalog, key: string, compute: () => T): T {
  let values = derived.get(catalog)
  if (!values) {
    values = new Map()
    derived.set(catalog, values)
  }
  if (!values.has(key)) values.set(key, compute())
  return values.get(key) as T
}
