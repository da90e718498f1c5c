import { formatYuan } from '../../../server/pricing/money'
import { MAX_DECLARED_AMOUNT, MAX_ITEM_COUNT } from '../../../server/schemas/quote-request'
import { fill, type ConfiguratorText } from '../../lib/configurator-text'
import type { TypedNumberProblem } from '../../lib/typed-number'
import { groupOf, type OfferingDetail } from './configuration'
import type { ApiError } from './live-quote'

/** A bundle to suggest instead, with the page that sells it. */
export interface BundleLink {
  href: string
  name: string
}

/** What the form says at a field: a sentence, and where the visitor can go from there. */
export interface FieldMessage {
  text: string
  links?: BundleLink[]
}

interface Context {
  /** What the visitor asked for, to tell a count outside the limits from a missing companion. */
  counts: Record<string, number | undefined>
  /** The 3-month average they declared (fen), when all three months are amounts. */
  declaredAverage: number | undefined
  /** Listed bundles with no spend minimum, or a lower one than this offering's. */
  smallerBundles: BundleLink[]
  /** The callback form on the page, for a spend only a building manager quotes. */
  callbackHref: string
}

/** Why the text typed into a field (a count, or an amount) is not the number asked for; a limit is named. */
export function typedProblemText(field: string, problem: TypedNumberProblem, t: ConfiguratorText): string {
  const kind = field.startsWith('items.') ? 'count' : 'amount'
  return fill(t.typed[kind][problem], { max: kind === 'count' ? MAX_ITEM_COUNT : formatYuan(MAX_DECLARED_AMOUNT, t.lang) })
}

/**
 * The API's refusal of one field, in words that name the limit: the numbers come from the offering's
 * own data (item limits, spend limits), never from the sentence, so a changed price book changes them.
 */
export function refusalText(offering: OfferingDetail, error: ApiError, path: string, t: ConfiguratorText, context: Context): FieldMessage {
  const general = { text: t.errors[error.code] ?? t.errors.internal_error }
  const money = (fen: number) => formatYuan(fen, t.lang)
  if (error.code === 'invalid_configuration' && path.startsWith('items.')) {
    const code = path.slice('items.'.length)
    const group = offering.itemGroups[groupOf(offering, code)]
    if (group) return { text: fill(t.limits.groupRange, { name: t.broadband, min: group.min, max: group.max }) }
    const component = offering.components.find((candidate) => candidate.code === code)
    if (!component) return general
    const count = context.counts[code] ?? 0
    const name = component.name[t.lang]
    if (count < component.min || count > component.max) {
      return { text: fill(component.min === component.max ? t.limits.countExactly : t.limits.countRange, { name, min: component.min, max: component.max }) }
    }
    const needed = component.needs.requiresCategory
    return needed ? { text: fill(t.limits.needs, { name, needed: t.limits.categories[needed] }) } : general
  }
  const limits = offering.averageSpend
  if (error.code === 'below_minimum' && limits) {
    const x = context.declaredAverage === undefined ? '—' : money(context.declaredAverage)
    return { text: fill(t.limits.belowMinimum, { min: money(limits.min), x }), links: context.smallerBundles }
  }
  if (error.code === 'refer_to_manager' && limits) {
    return { text: fill(t.limits.aboveMaximum, { max: money(limits.max) }), links: [{ href: context.callbackHref, name: t.limits.askManager }] }
  }
  return general
}
