import type { UnavailableChoice } from '../../../server/domain/serviceability'
import type { UsageCategory } from '../../../server/pricing/catalog-schema'
import type { QuoteRequestInput } from '../../../server/schemas/quote-request'
import type { offeringDetail } from '../../../server/services/offering-presenter'
import type { Attribution } from '../../../server/schemas/attribution'
import { sizeDefaults, type CompanySize } from '../../lib/size-defaults'

export type OfferingDetail = ReturnType<typeof offeringDetail>
export type Status = 'new' | 'existing'

/** What the visitor has entered. Amounts stay as typed (yuan text) until a request is built. */
export interface Configuration {
  size: CompanySize
  status: Status
  items: Record<string, number>
  /** The chosen member of each item group (e.g. which broadband speed), or '' for none. */
  groups: string[]
  options: Record<string, string>
  termMonths: number
  prior: [string, string, string]
  current: string[]
  usage: Record<UsageCategory, string>
}

export const usageCategories: UsageCategory[] = ['local_voice', 'long_distance', 'mobile']
const CARRIERS = 4

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
const yuanText = (fen: number) => String(fen / 100)

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
      .map((component) => [component.code, component.min > 0 ? clamp(typical[component.code] ?? component.min, component.min, component.max) : 0]),
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
  return {
    size,
    status: offering.eligibility.statuses.includes('new') ? 'new' : 'existing',
    items,
    groups,
    options: Object.fromEntries(Object.entries(offering.options).map(([name, values]) => [name, values[0]])),
    termMonths: Math.max(...offering.terms),
    prior: [spend, spend, spend],
    // Left for the visitor: a guessed current spend would show made-up savings.
    current: Array(CARRIERS).fill(''),
    usage: Object.fromEntries(usageCategories.map((category) => [category, yuanText(defaults.usage[category])])) as Configuration['usage'],
  }
}

/** Yuan as typed → fen; '' is "not given"; anything else that is not a non-negative amount is invalid. */
export function parseYuan(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return undefined
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return 'invalid'
  return Math.round(Number(trimmed) * 100)
}

export function needsPriorSpend(offering: OfferingDetail, status: Status): boolean {
  return offering.eligibility.priorSpendRequiredFor.includes(status)
}

export type FieldProblems = Record<string, true>

/** The API request for a configuration, or the fields whose text is not an amount. */
export function buildRequest(
  offering: OfferingDetail,
  configuration: Configuration,
  context: { buildingId?: string; attribution?: Attribution },
): { request: QuoteRequestInput } | { invalid: FieldProblems } {
  const invalid: FieldProblems = {}
  const amount = (text: string, field: string) => {
    const value = parseYuan(text)
    if (value === 'invalid') invalid[field] = true
    return value === 'invalid' ? undefined : value
  }
  const usage = Object.fromEntries(
    usageCategories.flatMap((category) => {
      const value = amount(configuration.usage[category], `usage.${category}`)
      return value === undefined ? [] : [[category, value]]
    }),
  )
  const prior = configuration.prior.map((text) => amount(text, 'prior'))
  const carriers = configuration.current.map((text) => amount(text, 'current'))
  const current = carriers.some((value) => value !== undefined) ? carriers.reduce<number>((total, value) => total + (value ?? 0), 0) : undefined
  if (Object.keys(invalid).length > 0) return { invalid }

  const items = { ...configuration.items }
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
