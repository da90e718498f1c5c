import type { Catalog } from '../../pricing/catalog'
import type { LocalizedText } from '../../pricing/catalog-schema'
import { priceQuote } from '../../pricing/engine'
import { declaredAverage, type NegotiatedX } from '../../pricing/negotiation'
import type { QuoteRequest } from '../../schemas/quote-request'

/**
 * What a draft catalog changes for the customers of a list of quote requests, priced under today's
 * catalog and under the draft. Pure: no database, no clock. Amounts are integer fen.
 */

/** A request to price twice, and where it comes from: a public vector (by index) or a stored quote. */
export interface ImpactRequest {
  ref: ImpactRef
  request: QuoteRequest
  /** An X a member of staff agreed for an assisted quote: priced as it was then. */
  negotiated?: NegotiatedX
}

export type ImpactRef = { source: 'vector'; index: number } | { source: 'quote'; id: string; createdAt: string }

/** One side's price of a request: month 1's bill and the first year in total, or why it was refused. */
export type SidePrice = { ok: true; month1: number; firstYear: number } | { ok: false; code: string }

/**
 * more / less / same: priced on both sides, by the first year's total. now_refused: today's catalog
 * prices it, the draft refuses it (or no longer offers the offering); now_priced: the other way round.
 */
export const impactOutcomes = ['more', 'less', 'same', 'now_refused', 'now_priced', 'refused_both'] as const
export type ImpactOutcome = (typeof impactOutcomes)[number]

/** What was asked, in the few facts a reader needs to recognise a customer. */
export interface Asked {
  offering: string
  termMonths: number
  options: Record<string, string>
  items: Record<string, number>
  customerStatus: QuoteRequest['customer']['status']
  /** The average monthly spend priced (fen): the declared average, or the X staff agreed. */
  x: number | null
  negotiated: boolean
}

export interface ImpactRow {
  ref: ImpactRef
  asked: Asked
  before: SidePrice
  after: SidePrice
  outcome: ImpactOutcome
  /** After minus before, when both sides price it (fen). */
  firstYearChange: number | null
  month1Change: number | null
}

/** A share of the distribution: changes whose size lies in (over, upTo] (upTo null: no upper bound). */
export interface ChangeBucket {
  direction: 'less' | 'same' | 'more'
  over: number
  upTo: number | null
  count: number
  /** The first-year changes in the bucket added up (fen). */
  change: number
}

/**
 * First-year totals that compare like with like: before, after and their change add up over the same
 * requests (those both sides price), so after − before is the change. A request only one side prices
 * would make a side's total move without any price changing; those are added up apart.
 */
export interface FirstYearTotals {
  /** Over the requests both sides price (fen). */
  firstYearBefore: number
  firstYearAfter: number
  /** firstYearAfter − firstYearBefore (fen). */
  firstYearChange: number
  /** Today's first-year total of the requests the draft no longer prices (outcome now_refused, fen). */
  nowRefusedFirstYear: number
  /** The draft's first-year total of the requests only the draft prices (outcome now_priced, fen). */
  nowPricedFirstYear: number
}

export interface OfferingTotals extends FirstYearTotals {
  offering: string
  /** The offering's name in the draft, or today's when the draft has none; null for an unknown slug. */
  name: LocalizedText | null
  count: number
  outcomes: Record<ImpactOutcome, number>
}

export interface ImpactSummary extends FirstYearTotals {
  count: number
  outcomes: Record<ImpactOutcome, number>
  distribution: ChangeBucket[]
  /** The largest first-year increases, largest first. */
  increases: ImpactRow[]
  /** The largest first-year decreases, largest first. */
  decreases: ImpactRow[]
  /** Requests the draft refuses that today's catalog prices, the largest first-year totals first. */
  nowRefused: ImpactRow[]
  byOffering: OfferingTotals[]
}

/** Bucket edges in fen: ¥100, ¥1,000, ¥10,000 a year (a small office's bill is a few hundred yuan a month). */
export const BUCKET_EDGES = [10_000, 100_000, 1_000_000] as const
export const TOP_MOVERS = 10

/**
 * One side's price, the way the quote service prices it: an offering the catalog lacks, or an unlisted
 * one asked without an offer code, is not offered. The offer code's validity and the building's
 * serviceability need the database and do not depend on the catalog's prices, so they are left out.
 */
export function priceSide(catalog: Catalog, item: ImpactRequest): SidePrice {
  const { request } = item
  const offering = catalog.offerings.get(request.offering)
  if (!offering || (!offering.listed && request.offerCode === undefined)) return { ok: false, code: 'offering_not_found' }
  const result = priceQuote(catalog, offering, request, item.negotiated)
  if (!result.ok) return { ok: false, code: result.error.code }
  return { ok: true, month1: result.quote.monthly.estimatedBill, firstYear: result.quote.firstYearTotal }
}

export function askedOf(item: ImpactRequest): Asked {
  const { request } = item
  const prior = request.customer.priorMonthlySpend
  return {
    offering: request.offering,
    termMonths: request.termMonths,
    options: Object.fromEntries(Object.entries(request.options).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    items: Object.fromEntries(Object.entries(request.items).filter(([, count]) => count > 0)),
    customerStatus: request.customer.status,
    x: item.negotiated ? item.negotiated.x : prior ? declaredAverage(prior) : null,
    negotiated: item.negotiated !== undefined,
  }
}

function outcomeOf(before: SidePrice, after: SidePrice): ImpactOutcome {
  if (before.ok && after.ok) return after.firstYear > before.firstYear ? 'more' : after.firstYear < before.firstYear ? 'less' : 'same'
  if (before.ok) return 'now_refused'
  return after.ok ? 'now_priced' : 'refused_both'
}

/** Every request priced under both catalogs, in the order given. */
export function compareRequests(before: Catalog, after: Catalog, requests: readonly ImpactRequest[]): ImpactRow[] {
  return requests.map((item) => {
    const priceBefore = priceSide(before, item)
    const priceAfter = priceSide(after, item)
    const both = priceBefore.ok && priceAfter.ok
    return {
      ref: item.ref,
      asked: askedOf(item),
      before: priceBefore,
      after: priceAfter,
      outcome: outcomeOf(priceBefore, priceAfter),
      firstYearChange: both ? priceAfter.firstYear - priceBefore.firstYear : null,
      month1Change: both ? priceAfter.month1 - priceBefore.month1 : null,
    }
  })
}

const noOutcomes = (): Record<ImpactOutcome, number> => Object.fromEntries(impactOutcomes.map((outcome) => [outcome, 0])) as Record<ImpactOutcome, number>

/** The buckets, from the largest decrease to the largest increase, empty. */
export function emptyDistribution(): ChangeBucket[] {
  const ranges = BUCKET_EDGES.map((edge, index) => ({ over: index === 0 ? 0 : BUCKET_EDGES[index - 1]!, upTo: edge as number | null }))
  ranges.push({ over: BUCKET_EDGES[BUCKET_EDGES.length - 1]!, upTo: null })
  return [
    ...[...ranges].reverse().map((range) => ({ direction: 'less' as const, ...range, count: 0, change: 0 })),
    { direction: 'same', over: 0, upTo: 0, count: 0, change: 0 },
    ...ranges.map((range) => ({ direction: 'more' as const, ...range, count: 0, change: 0 })),
  ]
}

function bucketOf(distribution: ChangeBucket[], change: number): ChangeBucket {
  const direction = change > 0 ? 'more' : change < 0 ? 'less' : 'same'
  const size = Math.abs(change)
  return distribution.find((bucket) => bucket.direction === direction && (direction === 'same' || (size > bucket.over && (bucket.upTo === null || size <= bucket.upTo))))!
}

const noTotals = (): FirstYearTotals => ({ firstYearBefore: 0, firstYearAfter: 0, firstYearChange: 0, nowRefusedFirstYear: 0, nowPricedFirstYear: 0 })

/** Adds a row to the totals it belongs to: to the compared sums only when both sides price it. */
function addToTotals(totals: FirstYearTotals, row: ImpactRow): void {
  if (row.before.ok && row.after.ok) {
    totals.firstYearBefore += row.before.firstYear
    totals.firstYearAfter += row.after.firstYear
    totals.firstYearChange += row.after.firstYear - row.before.firstYear
  } else if (row.before.ok) {
    totals.nowRefusedFirstYear += row.before.firstYear
  } else if (row.after.ok) {
    totals.nowPricedFirstYear += row.after.firstYear
  }
}

/** Who pays more or less and by how much: counts, distribution, top movers and totals per offering. */
export function summarizeImpact(rows: readonly ImpactRow[], names: (slug: string) => LocalizedText | null, top = TOP_MOVERS): ImpactSummary {
  const outcomes = noOutcomes()
  const distribution = emptyDistribution()
  const byOffering = new Map<string, OfferingTotals>()
  const all = noTotals()
  for (const row of rows) {
    outcomes[row.outcome] += 1
    let totals = byOffering.get(row.asked.offering)
    if (!totals) {
      totals = { offering: row.asked.offering, name: names(row.asked.offering), count: 0, outcomes: noOutcomes(), ...noTotals() }
      byOffering.set(row.asked.offering, totals)
    }
    totals.count += 1
    totals.outcomes[row.outcome] += 1
    addToTotals(all, row)
    addToTotals(totals, row)
    if (row.firstYearChange !== null) {
      const bucket = bucketOf(distribution, row.firstYearChange)
      bucket.count += 1
      bucket.change += row.firstYearChange
    }
  }
  const changeOf = (row: ImpactRow) => row.firstYearChange ?? 0
  const beforeOf = (row: ImpactRow) => (row.before.ok ? row.before.firstYear : 0)
  // Array.prototype.sort is stable: on a tie the earlier row (the newer quote, the earlier vector) comes first.
  return {
    count: rows.length,
    outcomes,
    ...all,
    distribution,
    increases: rows.filter((row) => row.outcome === 'more').sort((a, b) => changeOf(b) - changeOf(a)).slice(0, top),
    decreases: rows.filter((row) => row.outcome === 'less').sort((a, b) => changeOf(a) - changeOf(b)).slice(0, top),
    nowRefused: rows.filter((row) => row.outcome === 'now_refused').sort((a, b) => beforeOf(b) - beforeOf(a)).slice(0, top),
    byOffering: [...byOffering.values()].sort((a, b) => b.count - a.count || a.offering.localeCompare(b.offering)),
  }
}

/** The name of an offering as the draft calls it, else as today's catalog does. */
export function offeringNames(before: Catalog, after: Catalog): (slug: string) => LocalizedText | null {
  return (slug) => after.offerings.get(slug)?.name ?? before.offerings.get(slug)?.name ?? null
}
