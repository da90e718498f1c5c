import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { buildCatalog, type Catalog } from '../../pricing/catalog'
import type { LocalizedText, PriceBookInput } from '../../pricing/catalog-schema'
import { optionLabels } from '../../pricing/rules/registry'
import { QUOTE_SAMPLE_LIMIT, sampleQuoteRequests } from '../../repositories/quote-sample-repository'
import type { Services } from '../../services/services'
import { compareOfferingTexts, type OfferingTextComparison } from './offering-texts'
import { compareRequests, offeringNames, summarizeImpact, type ImpactRequest, type ImpactRow, type ImpactSummary } from './price-impact'
import { referenceRequests } from './reference-requests'

/** The stored quotes a preview prices again: those of the last 30 days. */
export const SAMPLE_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000
/** A preview is kept this long: the 30 days move on and new quotes come in, so it is computed again after. */
const CACHE_MS = 60 * 60 * 1000
/** Previews kept per server process (a few drafts are being looked at on any day). */
const CACHE_ENTRIES = 16
/**
 * Requests priced between two turns of the event loop: 10,000 quotes priced twice take most of a second,
 * which would hold up every other request of the process; slices of this many take a few milliseconds each.
 */
const SLICE = 250

/** What a preview reads of a draft (server/catalog-management/drafts.ts CatalogDraft has these). */
export interface DraftForImpact {
  id: string
  revision: number
  baseVersion: string
  book: PriceBookInput
}

export interface ImpactNames {
  offerings: Record<string, LocalizedText>
  components: Record<string, LocalizedText>
  options: Record<string, Record<string, Record<string, LocalizedText>>>
}

export interface ImpactReport {
  draft: { id: string; revision: number; baseVersion: string }
  /** Today's general catalog, which the draft is compared with (it may be newer than the draft's base). */
  baseVersion: string
  computedAt: string
  /** How long computing it took, in milliseconds (loading the sample and pricing both sides). */
  tookMs: number
  /** The public vectors, each request with both sides' prices. */
  vectors: { rows: ImpactRow[]; summary: ImpactSummary }
  /** The stored quotes of the last 30 days, newest first, at most 10,000. */
  recent: { since: string; until: string; limit: number; unreadable: number; summary: ImpactSummary }
  offerings: OfferingTextComparison[]
  /**
   * Offering and component names by slug and code, and each offering's option choices by option and
   * choice id (`options.evergreen.plan.B`), the draft's over today's, to label the lines.
   */
  names: ImpactNames
}

type Cache = Map<string, { at: number; report: Promise<ImpactReport> }>
const caches = new WeakMap<Services, Cache>()

/**
 * A draft's impact preview against today's general catalog, kept per (draft, revision, today's version)
 * so reloading its page costs nothing; a saved draft has a new revision and is computed afresh.
 */
export async function draftImpact(services: Services, draft: DraftForImpact): Promise<ImpactReport> {
  const base = await services.catalogs.current()
  const key = JSON.stringify([draft.id, draft.revision, base.version])
  let cache = caches.get(services)
  if (!cache) caches.set(services, (cache = new Map()))
  const now = services.now().getTime()
  const kept = cache.get(key)
  if (kept && now - kept.at < CACHE_MS) return kept.report

  const report = computeImpact(services, draft, base)
  cache.set(key, { at: now, report })
  report.catch(() => cache.delete(key))
  // Oldest first in a Map: drop the oldest beyond the limit.
  for (const old of cache.keys()) {
    if (cache.size <= CACHE_ENTRIES) break
    cache.delete(old)
  }
  return report
}

async function computeImpact(services: Services, draft: DraftForImpact, base: Catalog): Promise<ImpactReport> {
  const started = performance.now()
  const now = services.now()
  const catalog = buildCatalog('draft', draft.book)
  const names = offeringNames(base, catalog)
  const since = new Date(now.getTime() - SAMPLE_DAYS * DAY_MS)
  const sample = await sampleQuoteRequests(services.db, { since, until: now }, QUOTE_SAMPLE_LIMIT)
  const recent: ImpactRequest[] = sample.quotes.map((quote) => ({
    ref: { source: 'quote', id: quote.id, createdAt: quote.createdAt },
    request: quote.request,
    ...(quote.negotiatedX === null ? {} : { negotiated: { x: quote.negotiatedX } }),
  }))
  const vectorRows = compareRequests(base, catalog, referenceRequests)
  const recentRows = await compareInSlices(base, catalog, recent)
  const offerings = compareOfferingTexts(base, catalog)
  const vectors = { rows: vectorRows, summary: summarizeImpact(vectorRows, names) }
  const recentSummary = summarizeImpact(recentRows, names)
  return {
    draft: { id: draft.id, revision: draft.revision, baseVersion: draft.baseVersion },
    baseVersion: base.version,
    computedAt: now.toISOString(),
    tookMs: Math.round(performance.now() - started),
    vectors,
    recent: { since: since.toISOString(), until: now.toISOString(), limit: QUOTE_SAMPLE_LIMIT, unreadable: sample.unreadable, summary: recentSummary },
    offerings,
    names: {
      offerings: Object.fromEntries([...base.offerings.values(), ...catalog.offerings.values()].map((offering) => [offering.slug, offering.name])),
      components: Object.fromEntries([...base.components.values(), ...catalog.components.values()].map((component) => [component.code, component.name])),
      options: Object.fromEntries([...base.offerings.values(), ...catalog.offerings.values()].map((offering) => [offering.slug, optionLabels(offering.rule)])),
    },
  }
}

async function compareInSlices(before: Catalog, after: Catalog, requests: readonly ImpactRequest[]): Promise<ImpactRow[]> {
  const rows: ImpactRow[] = []
  for (let start = 0; start < requests.length; start += SLICE) {
    if (start > 0) await nextTurn()
    rows.push(...compareRequests(before, after, requests.slice(start, start + SLICE)))
  }
  return rows
}
