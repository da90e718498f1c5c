import type { UnavailableChoice } from '../../../server/domain/serviceability'
import type { UsageCategory } from '../../../server/pricing/catalog-schema'
import type { QuoteRequestInput } from '../../../server/schemas/quote-request'
import type { offeringDetail } from '../../../server/services/offering-presenter'
import type { Attribution } from '../../../server/schemas/attribution'
import { divideHalfUp, sum } from '../../../server/pricing/money'
import type { PricedQuote } from '../../../server/schemas/quote'
import { sizeDefaults, type CompanySize } from '../../lib/size-defaults'
import { parseCount, parseYuan, type TypedNumberProblem } from '../../lib/typed-number'
import { MAX_DECLARED_AMOUNT, MAX_ITEM_COUNT } from '../../../server/schemas/quote-request'

export type OfferingDetail = ReturnType<typeof offeringDetail>
export type Status = 'new' | 'existing'

/** What the visitor has entered. Amounts stay as typed (yuan text) until a request is built. */
export interface Configuration {
  size: CompanySize
  status: Status
  /** Count of each standalone component, as typed (kept as text so typing "1" then "2" is never rewritten). */
  items: Record<string, string>
  /** The chosen member of each item group (e.g. which broadband speed), or '' for none. */
  groups: string[]
  options: Record<string, string>
  termMonths: number
  prior: [string, string, string]
  current: string[]
  usage: Record<UsageCategory, string>
  /** Usage is still the one derived from the declared spend (see usageFollowingSpend); typing a usage ends that. */
  usageFollowsSpend: boolean
}

export const usageCategories: UsageCategory[] = ['local_voice', 'long_distance', 'mobile']

/** Call spend is asked only where the bundle has lines to call from: a broadband-only bundle has none. */
export function callUsageCategories(offering: Pick<OfferingDetail, 'categories'>): UsageCategory[] {
  return offering.categories.some((category) => category === 'fixed_voice' || category === 'mobile') ? usageCategories : []
}
const CARRIERS = 4

const FEN_PER_YUAN = 100
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
export const yuanText = (fen: number) => String(fen / FEN_PER_YUAN)

export function groupOf(offering: OfferingDetail, code: string): number {
  return offering.itemGroups.findIndex((group) => group.codes.includes(code))
}

/**
 * A starting configuration for a company of this size: required items at typical counts, the rest off.
 * A choice the building cannot serve is never the starting one, even when preferred.
 */
export function defaultConfiguration(
  offering: OfferingDetail,
  size: CompanySize,
  preferredBroadband?: string,
  unavailable: readonly UnavailableChoice[] = [],
): Configuration {
  const defaults = sizeDefaults[size]
  const typical: Record<string, number> = { 'fixed-line': defaults.fixedLines, 'mobile-line': defaults.mobileLines }
  const items = Object.fromEntries(
    offering.components
      .filter((component) => groupOf(offering, component.code) < 0)
      .map((component) => [component.code, String(component.min > 0 ? clamp(typical[component.code] ?? component.min, component.min, component.max) : 0)]),
  )
  // A choice the building cannot serve gives way to the fastest it carries (or to none).
  const servable = (code: string) => {
    const blocked = unavailable.find((choice) => choice.code === code)
    return blocked ? blocked.instead : code
  }
  const groups = offering.itemGroups.map((group) => {
    const fromGroup = (code: string | undefined) => (code && group.codes.includes(code) ? servable(code) : undefined)
    const preferred = fromGroup(preferredBroadband)
    if (preferred) return preferred
    if (group.min === 0) return ''
    return fromGroup(defaults.broadband) ?? fromGroup(group.codes[0]) ?? ''
  })
  const spend = yuanText(defaults.monthlySpend)
  // Open on the option and term the "from" price is the price of, so the advertised price and the first quote agree.
  const opening = offering.from ?? { options: Object.fromEntries(Object.entries(offering.options).map(([name, values]) => [name, values[0]])), termMonths: Math.max(...offering.terms) }
  const configuration: Configuration = {
    size,
    status: offering.eligibility.statuses.includes('new') ? 'new' : 'existing',
    items,
    groups,
    options: { ...opening.options },
    termMonths: opening.termMonths,
    prior: [spend, spend, spend],
    // Left for the visitor: a guessed current spend would show made-up savings.
    current: Array(CARRIERS).fill(''),
    usage: Object.fromEntries(usageCategories.map((category) => [category, yuanText(defaults.usage[category])])) as Configuration['usage'],
    usageFollowsSpend: true,
  }
  return { ...configuration, usage: usageFollowingSpend(offering, configuration) }
}

/**
 * The usage to show. Where the offering asks for the spend of the last 3 months, that spend is the best
 * estimate of usage the visitor has given us: expected usage starts at X (their 3-month average, as the
 * engine computes it) in the size's typical proportions and follows X as it is typed, until the visitor
 * types a usage of their own. A size-table guess there would set a commitment plan's overage and care
 * budget from nothing they said (¥109,350 of "care" for a ¥200,000 customer). Where no spend is asked, the
 * size's typical usage stays, and the form says it is typical usage for the size.
 */
export function usageFollowingSpend(offering: OfferingDetail, configuration: Configuration): Configuration['usage'] {
  if (!configuration.usageFollowsSpend || !needsPriorSpend(offering, configuration.status)) return configuration.usage
  const x = declaredAverage(configuration.prior)
  if (x === undefined) return configuration.usage
  const weights = sizeDefaults[configuration.size].usage
  const totalWeight = sum(usageCategories.map((category) => weights[category]))
  // Whole yuan per category, as a person would type them; what that leaves over goes to the last, so they add up to X.
  const shares = usageCategories.map((category) => Math.floor((x * weights[category]) / (totalWeight * FEN_PER_YUAN)) * FEN_PER_YUAN)
  shares[shares.length - 1] += x - sum(shares)
  return Object.fromEntries(usageCategories.map((category, index) => [category, yuanText(shares[index])])) as Configuration['usage']
}

/** An amount as a quote takes it: yuan as typed, in fen, at most the largest a quote accepts. */
export const quoteYuan = (text: string) => parseYuan(text, MAX_DECLARED_AMOUNT)

/** A count of a component as a quote takes it, at most the most of one a quote accepts. */
export const quoteCount = (text: string) => parseCount(text, MAX_ITEM_COUNT)

/** X: the average of the three months' spend as typed, as the engine computes it (fen), or undefined until all three are amounts. */
export function declaredAverage(prior: readonly string[]): number | undefined {
  const fen = prior.map(quoteYuan)
  if (!fen.every((typed) => typed.kind === 'number')) return undefined
  return divideHalfUp(sum(fen.map((typed) => typed.value)), fen.length)
}

export function needsPriorSpend(offering: OfferingDetail, status: Status): boolean {
  return offering.eligibility.priorSpendRequiredFor.includes(status)
}

/** Each field whose text is not the number it asks for, with why. */
export type FieldProblems = Record<string, TypedNumberProblem>

/** The API request for a configuration, or the fields whose text is not an amount or a count. */
export function buildRequest(
  offering: OfferingDetail,
  configuration: Configuration,
  context: { buildingId?: string; attribution?: Attribution; offerCode?: string },
): { request: QuoteRequestInput } | { invalid: FieldProblems } {
  const invalid: FieldProblems = {}
  const read = (parse: typeof quoteYuan, text: string, field: string) => {
    const typed = parse(text)
    if (typed.kind === 'invalid') invalid[field] ??= typed.problem
    return typed.kind === 'number' ? typed.value : undefined
  }
  const amount = (text: string, field: string) => read(quoteYuan, text, field)
  const counts = Object.fromEntries(
    Object.entries(configuration.items).map(([code, text]) => [code, read(quoteCount, text, `items.${code}`) ?? 0]),
  )
  const usage = Object.fromEntries(
    callUsageCategories(offering).flatMap((category) => {
      const value = amount(configuration.usage[category], `usage.${category}`)
      return value === undefined ? [] : [[category, value]]
    }),
  )
  const prior = configuration.prior.map((text) => amount(text, 'prior'))
  const carriers = configuration.current.map((text) => amount(text, 'current'))
  const current = carriers.some((value) => value !== undefined) ? carriers.reduce<number>((total, value) => total + (value ?? 0), 0) : undefined
  if (Object.keys(invalid).length > 0) return { invalid }

  const items = { ...counts }
  for (const chosen of configuration.groups) if (chosen) items[chosen] = 1
  const request: QuoteRequestInput = {
    offering: offering.slug,
    termMonths: configuration.termMonths,
    options: configuration.options,
    items,
    customer: {
      status: configuration.status,
      employees: sizeDefaults[configuration.size].employees,
      ...(needsPriorSpend(offering, configuration.status) && prior.every((value) => value !== undefined)
        ? { priorMonthlySpend: prior as [number, number, number] }
        : {}),
      ...(current === undefined ? {} : { currentMonthlySpend: current }),
    },
    usage,
    ...(context.buildingId ? { buildingId: context.buildingId } : {}),
    ...(context.attribution ? { attribution: context.attribution } : {}),
    ...(context.offerCode ? { offerCode: context.offerCode } : {}),
  }
  return { request }
}

/** Which choice the side-by-side comparison varies: the term when there are several, else the first option. */
export function comparisonAxis(offering: OfferingDetail): { kind: 'term' } | { kind: 'option'; name: string } | undefined {
  if (offering.terms.length > 1) return { kind: 'term' }
  const option = Object.entries(offering.options).find(([, values]) => values.length > 1)
  return option ? { kind: 'option', name: option[0] } : undefined
}

export function comparisonRequests(offering: OfferingDetail, request: QuoteRequestInput): { key: string; request: QuoteRequestInput }[] {
  const axis = comparisonAxis(offering)
  if (!axis) return []
  if (axis.kind === 'term') return offering.terms.map((term) => ({ key: String(term), request: { ...request, termMonths: term } }))
  return offering.options[axis.name].map((value) => ({ key: value, request: { ...request, options: { ...request.options, [axis.name]: value } } }))
}

/** A row of the comparison: what it compares and its value under each alternative (null: does not apply). */
export type ComparisonRow =
  | { name: 'commitment' | 'monthly' | 'oneTime' | 'termTotal' | 'firstYear'; values: (number | null)[] }
  /** Leaving after `afterMonths` paid months. */
  | { name: 'etf'; afterMonths: number; values: number[] }

/** Leaving early is compared after these months, wherever some alternative's term is longer. */
const ETF_POINTS = [1, 3, 6]

/**
 * What differs between the alternatives: the monthly commitment and month-1 bill, what is due up front,
 * the early-termination fee at a few points, the total over the term and the first-year total. A row no
 * alternative has (a commitment, a term) is left out.
 */
export function comparisonRows(quotes: readonly PricedQuote[]): ComparisonRow[] {
  const longest = Math.max(...quotes.map((quote) => quote.termMonths))
  const rows: ComparisonRow[] = [
    { name: 'commitment', values: quotes.map((quote) => quote.monthly.commitment) },
    { name: 'monthly', values: quotes.map((quote) => quote.monthly.estimatedBill) },
    { name: 'oneTime', values: quotes.map((quote) => quote.oneTime.total) },
    ...ETF_POINTS.filter((months) => months < longest).map((afterMonths) => ({
      name: 'etf' as const,
      afterMonths,
      // Nothing is owed without a term or once it has run: the schedule lists months 1..term−1 only.
      values: quotes.map((quote) => quote.earlyTermination.find((entry) => entry.afterMonths === afterMonths)?.fee ?? 0),
    })),
    { name: 'termTotal', values: quotes.map((quote) => quote.termTotal) },
    { name: 'firstYear', values: quotes.map((quote) => quote.firstYearTotal) },
  ]
  return rows.filter((row) => row.values.some((value) => value !== null))
}

/** The configurator field an API error points at (`items.bb-100` → the broadband choice). */
export function fieldOfIssue(offering: OfferingDetail, path: string): string {
  if (path.startsWith('items.')) {
    const code = path.slice('items.'.length)
    const group = groupOf(offering, code)
    return group >= 0 ? `group.${group}` : path
  }
  if (path.startsWith('customer.priorMonthlySpend')) return 'prior'
  if (path.startsWith('customer.currentMonthlySpend')) return 'current'
  if (path === 'customer.status') return 'status'
  if (path === 'termMonths') return 'term'
  return path
}
