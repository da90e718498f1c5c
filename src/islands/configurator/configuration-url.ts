import { z } from 'zod'
import type { UnavailableChoice } from '../../../server/domain/serviceability'
import type { Quote } from '../../../server/schemas/quote'
import { companySizes, sizeDefaults, type CompanySize } from '../../lib/size-defaults'
import { defaultConfiguration, groupOf, needsPriorSpend, quoteCount, quoteYuan, usageCategories, usageFollowingSpend, yuanText, type Configuration, type OfferingDetail, type Status } from './configuration'

/**
 * A configuration in the page's query string, so Back, Reload, the language switch and shared links keep
 * what the visitor chose: `size=lt50&status=new&term=24&plan=A&items=fixed-line:2,bb-300:1&prior=8000,8000,8000
 * &current=11000&usage=300,500,300`. Every field is read on its own and a value that does not parse is
 * dropped (the default stays), so a mangled or hostile link opens a working configurator, never an error.
 */

/** Yuan as a person types it (or nothing); the configurator checks amounts again when it builds a request. */
const yuan = /^(\d{1,9}(\.\d{1,2})?)?$/
/** Comma-separated values, each matching `member`. */
const list = (member: RegExp, min: number, max: number) =>
  z
    .string()
    .max(400)
    .transform((text) => text.split(','))
    .pipe(z.array(z.string().regex(member)).min(min).max(max))
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)
const choice = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/)

export const configurationQuerySchema = z.object({
  size: lenient(z.enum(companySizes)),
  status: lenient(z.enum(['new', 'existing'])),
  term: lenient(z.string().regex(/^\d{1,2}$/).transform(Number)),
  plan: lenient(choice),
  payment: lenient(choice),
  tier: lenient(choice),
  /** Counts of standalone components and the chosen member of each group (count 1). */
  items: lenient(
    list(/^[a-z0-9-]{1,40}:\d{1,4}$/, 1, 40).transform((pairs): Record<string, number> =>
      Object.fromEntries(pairs.map((pair) => [pair.split(':')[0], Number(pair.split(':')[1])])),
    ),
  ),
  prior: lenient(list(yuan, 3, 3)),
  current: lenient(list(yuan, 1, 4)),
  /** Present only once the visitor typed a usage of their own (otherwise usage follows the declared spend). */
  usage: lenient(list(yuan, 3, 3)),
})

export type ConfigurationQuery = z.infer<typeof configurationQuerySchema>
const optionNames = ['plan', 'payment', 'tier'] as const

export function parseConfigurationQuery(params: URLSearchParams): ConfigurationQuery {
  return configurationQuerySchema.parse(Object.fromEntries(params))
}

export function configurationSearchParams(query: ConfigurationQuery): URLSearchParams {
  const params = new URLSearchParams()
  const set = (name: string, value: string | number | undefined) => value !== undefined && params.set(name, String(value))
  set('size', query.size)
  set('status', query.status)
  set('term', query.term)
  for (const name of optionNames) set(name, query[name])
  if (query.items) set('items', Object.entries(query.items).map(([code, count]) => `${code}:${count}`).join(','))
  set('prior', query.prior?.join(','))
  set('current', query.current?.join(','))
  set('usage', query.usage?.join(','))
  return params
}

/** What to write into the URL for the configuration on screen. */
export function queryOfConfiguration(offering: OfferingDetail, configuration: Configuration): ConfigurationQuery {
  // A count still being typed (or mistyped) is left out: the link keeps the offering's default for it.
  const items: Record<string, number> = Object.fromEntries(
    Object.entries(configuration.items).flatMap(([code, text]) => {
      const typed = quoteCount(text)
      return typed.kind === 'number' ? [[code, typed.value]] : []
    }),
  )
  for (const chosen of configuration.groups) if (chosen) items[chosen] = 1
  // Trailing empty carriers say nothing; an empty list cannot be written at all.
  const current = configuration.current.map(urlYuan)
  while (current.length > 0 && current.at(-1)!.trim() === '') current.pop()
  return {
    size: configuration.size,
    status: configuration.status,
    term: configuration.termMonths,
    ...Object.fromEntries(optionNames.flatMap((name) => (configuration.options[name] ? [[name, configuration.options[name]]] : []))),
    items,
    prior: needsPriorSpend(offering, configuration.status) ? configuration.prior.map(urlYuan) : undefined,
    current: current.length > 0 ? current : undefined,
    usage: configuration.usageFollowsSpend ? undefined : usageCategories.map((category) => urlYuan(configuration.usage[category])),
  }
}

/**
 * An amount as the URL holds it: "１２，５００" and "12,500" as 12500 (as typed, the comma would split the
 * list and the full-width digits break it, and Reload would lose every amount). One still being
 * typed, or mistyped, is left empty, as a mistyped count is left out.
 */
function urlYuan(text: string): string {
  const typed = quoteYuan(text)
  return typed.kind === 'number' ? yuanText(typed.value) : ''
}

/** The company size whose typical staff count is nearest the quote's. */
function sizeOfEmployees(employees: number | undefined): CompanySize | undefined {
  if (employees === undefined) return undefined
  return [...companySizes].sort((a, b) => Math.abs(sizeDefaults[a].employees - employees) - Math.abs(sizeDefaults[b].employees - employees))[0]
}

/**
 * The configuration a stored quote was priced from, to configure it again. The quote keeps the 3-month
 * average (x), not the three months, and the current spend as one total: they come back as such.
 */
export function queryOfQuote(quote: Quote): ConfigurationQuery {
  const average = quote.x === undefined ? undefined : yuanText(quote.x)
  const status = quote.customer.status === 'new' || quote.customer.status === 'existing' ? quote.customer.status : undefined
  return {
    size: sizeOfEmployees(quote.customer.employees),
    status,
    term: quote.termMonths,
    ...Object.fromEntries(optionNames.flatMap((name) => (quote.options[name] ? [[name, quote.options[name]]] : []))),
    items: quote.items,
    prior: average === undefined ? undefined : [average, average, average],
    current: quote.savings ? [yuanText(quote.savings.currentMonthlySpend)] : undefined,
    usage: usageCategories.every((category) => quote.usage[category] !== undefined) ? usageCategories.map((category) => yuanText(quote.usage[category])) : undefined,
  }
}

/**
 * The configuration a query asks for, on top of the size's defaults. Only what the offering allows is
 * taken: an unknown option value, term or component is ignored, counts are clamped to the offering's
 * limits, and a choice the building cannot serve gives way as it does by default.
 */
export function configurationFromQuery(
  offering: OfferingDetail,
  query: ConfigurationQuery,
  fallbackSize: CompanySize,
  preferredBroadband?: string,
  unavailable: readonly UnavailableChoice[] = [],
): Configuration {
  const base = defaultConfiguration(offering, query.size ?? fallbackSize, preferredBroadband, unavailable)
  const status: Status = query.status && offering.eligibility.statuses.includes(query.status) ? query.status : base.status
  const options = { ...base.options }
  for (const name of optionNames) {
    const value = query[name]
    if (value && offering.options[name]?.includes(value)) options[name] = value
  }
  const items = { ...base.items }
  const groups = [...base.groups]
  for (const [code, count] of Object.entries(query.items ?? {})) {
    const component = offering.components.find((candidate) => candidate.code === code)
    if (!component) continue
    const group = groupOf(offering, code)
    if (group < 0) items[code] = String(Math.min(component.max, Math.max(component.min, count)))
    else if (count > 0) groups[group] = unavailable.find((choice) => choice.code === code)?.instead ?? code
  }
  // Items named, but none of a group that may be left empty: the visitor chose none of it.
  if (query.items) {
    offering.itemGroups.forEach((group, index) => {
      if (group.min === 0 && !group.codes.some((code) => (query.items![code] ?? 0) > 0)) groups[index] = ''
    })
  }
  const configuration: Configuration = {
    ...base,
    status,
    options,
    termMonths: query.term !== undefined && offering.terms.includes(query.term) ? query.term : base.termMonths,
    items,
    groups,
    prior: query.prior ? [query.prior[0], query.prior[1], query.prior[2]] : base.prior,
    current: base.current.map((value, index) => query.current?.[index] ?? value),
    usage: query.usage ? (Object.fromEntries(usageCategories.map((category, index) => [category, query.usage![index]])) as Configuration['usage']) : base.usage,
    usageFollowsSpend: !query.usage,
  }
  return { ...configuration, usage: usageFollowingSpend(offering, configuration) }
}

/** The configurator opened on a stored quote's configuration and building (a path without the language prefix). */
export function configurePathOfQuote(quote: Quote): string {
  const params = configurationSearchParams(queryOfQuote(quote))
  if (quote.buildingId) params.set('building', quote.buildingId)
  return `/configure/${encodeURIComponent(quote.offering)}?${params}`
}
