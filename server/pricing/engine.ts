import type { PricedQuote } from '../schemas/quote'
import type { QuoteRequest } from '../schemas/quote-request'
import type { Catalog } from './catalog'
import type { Offering } from './catalog-schema'
import { describeOffering } from './describe-offering'
import { earlyTerminationFees } from './early-termination'
import { sum } from './money'
import { monthlyCost } from './monthly-cost'
import { declaredAverage, negotiationLimits, type NegotiatedX } from './negotiation'
import { usageCategories } from './primitives'
import type { PricingContext, RequestedItem, RuleOutcome } from './pricing-context'
import { pricingError, type PricingError } from './pricing-error'
import { kindOf, negotiationBandOf, optionChoices } from './rules/registry'
import { yuan } from './labels'

export type PricingResult = { ok: true; quote: PricedQuote } | { ok: false; error: PricingError }

const MONTHS_IN_YEAR = 12

/**
 * Prices a request against one offering of a catalog. Pure: the same inputs always give the same
 * quote. Offering lookup and offer codes are the caller's job (they need the database). `negotiated`
 * is an X agreed by staff (console assisted quotes; never from the public API), priced instead of
 * the declared average when it lies within the offering's negotiation band.
 */
export function priceQuote(catalog: Catalog, offering: Offering, request: QuoteRequest, negotiated?: NegotiatedX): PricingResult {
  const checked = checkRequest(catalog, offering, request, negotiated)
  if ('code' in checked) return { ok: false, error: checked }

  const outcome = priceByRule(checked)
  if ('code' in outcome) return { ok: false, error: outcome }
  return { ok: true, quote: assembleQuote(checked, outcome) }
}

function priceByRule(ctx: PricingContext): RuleOutcome | PricingError {
  return kindOf(ctx.offering.rule).price(ctx, ctx.offering.rule)
}

/** The general rules of PRICING.md, in the order its errors win. */
function checkRequest(catalog: Catalog, offering: Offering, request: QuoteRequest, negotiated: NegotiatedX | undefined): PricingContext | PricingError {
  const { customer } = request
  if (!offering.eligibility.statuses.includes(customer.status)) {
    return pricingError('not_eligible', `${offering.name.en} is for ${offering.eligibility.statuses.join(' or ')} customers only.`, 'customer.status')
  }
  if (!offering.terms.includes(request.termMonths)) {
    return pricingError('invalid_term', `${offering.name.en} is offered for ${offering.terms.join(' or ')} months.`, 'termMonths')
  }

  const resolved = resolveOptions(offering, request)
  if ('code' in resolved) return resolved
  const items = checkItems(catalog, offering, request)
  if ('code' in items) return items

  if (offering.eligibility.priorSpendRequiredFor.includes(customer.status) && !customer.priorMonthlySpend) {
    return pricingError('prior_spend_required', 'Declare your telecom spend of each of the last 3 months.', 'customer.priorMonthlySpend')
  }
  const prior = customer.priorMonthlySpend
  const declaredX = prior ? declaredAverage(prior) : null
  if (negotiated) {
    const refused = checkNegotiatedX(offering, declaredX, negotiated.x)
    if (refused) return refused
  }
  return {
    catalog,
    offering,
    request,
    items,
    options: resolved.options,
    usage: Object.fromEntries(usageCategories.map((category) => [category, request.usage[category] ?? 0])) as PricingContext['usage'],
    x: negotiated ? negotiated.x : declaredX,
    declaredX: negotiated ? declaredX : null,
  }
}

/** An agreed X must lie within the offering's band around the declared average; an offering without a band has no agreed X. */
function checkNegotiatedX(offering: Offering, declaredX: number | null, x: number): PricingError | undefined {
  const band = negotiationBandOf(offering.rule)
  if (!band || declaredX === null) {
    return pricingError('invalid_configuration', `The X of ${offering.name.en} is not set by negotiation.`, 'negotiatedX')
  }
  const limits = negotiationLimits(band, declaredX)
  if (x < limits.min || x > limits.max) {
    return pricingError(
      'negotiated_x_out_of_band',
      `An agreed X must lie between ${yuan(limits.min).en} and ${yuan(limits.max).en} for a declared average of ${yuan(declaredX).en}.`,
      'negotiatedX',
    )
  }
  return undefined
}

function resolveOptions(offering: Offering, request: QuoteRequest): { options: Record<string, string> } | PricingError {
  const choices = optionChoices(offering.rule)
  const resolved: Record<string, string> = {}
  for (const [name, given] of Object.entries(request.options)) {
    if (given !== undefined && !(name in choices)) {
      return pricingError('invalid_configuration', `${offering.name.en} has no ${name} option.`, `options.${name}`)
    }
  }
  for (const [name, values] of Object.entries(choices)) {
    const given = request.options[name as keyof QuoteRequest['options']]
    const value = given ?? (values.length === 1 ? values[0] : undefined)
    if (value === undefined || !values.includes(value)) {
      return pricingError('invalid_configuration', `Choose the ${name}: ${values.join(', ')}.`, `options.${name}`)
    }
    resolved[name] = value
  }
  return { options: resolved }
}

function checkItems(catalog: Catalog, offering: Offering, request: QuoteRequest): RequestedItem[] | PricingError {
  const limits = new Map(offering.items.map((limit) => [limit.code, limit]))
  for (const [code, count] of Object.entries(request.items)) {
    if (count > 0 && !limits.has(code)) {
      return pricingError('invalid_configuration', `${offering.name.en} does not include ${code}.`, `items.${code}`)
    }
  }
  for (const limit of offering.items) {
    const count = request.items[limit.code] ?? 0
    if ((count > 0 || limit.min > 0) && (count < limit.min || count > limit.max)) {
      return pricingError(
        'invalid_configuration',
        `${catalog.components.get(limit.code)!.name.en}: choose ${limit.min === limit.max ? limit.min : `${limit.min} to ${limit.max}`}.`,
        `items.${limit.code}`,
      )
    }
  }
  for (const group of offering.itemGroups) {
    const count = sum(group.codes.map((code) => request.items[code] ?? 0))
    if (count < group.min || count > group.max) {
      const bound = group.min === group.max ? `exactly ${group.min}` : `${group.min} to ${group.max}`
      return pricingError('invalid_configuration', `Choose ${bound} of ${group.codes.join(', ')}.`, `items.${group.codes[0]}`)
    }
  }
  const items = offering.items
    .filter((limit) => (request.items[limit.code] ?? 0) > 0)
    .map((limit) => ({ component: catalog.components.get(limit.code)!, count: request.items[limit.code]! }))
  for (const item of items) {
    const required = item.component.needs.requiresCategory
    // A dependent component (static IP) cannot satisfy its own dependency, though it shares the category.
    if (required && !items.some((other) => other.component.category === required && !other.component.needs.requiresCategory)) {
      return pricingError('invalid_configuration', `${item.component.name.en} needs a ${required} component in the same order.`, `items.${item.component.code}`)
    }
  }
  return items
}

function assembleQuote(ctx: PricingContext, outcome: RuleOutcome): PricedQuote {
  const { request, offering } = ctx
  const oneTimeTotal = sum(outcome.oneTime.filter((line) => !line.waived).map((line) => line.amount))
  const waivedTotal = sum(outcome.oneTime.filter((line) => line.waived).map((line) => line.amount))
  // Every bill the quote states: the first year, and a longer term's months past it (its total).
  const bills = Array.from({ length: Math.max(MONTHS_IN_YEAR, request.termMonths) }, (_, index) =>
    sum(outcome.monthLines(index + 1).map((line) => line.amount)),
  )
  const schedule = bills.slice(0, MONTHS_IN_YEAR).map((bill, index) => ({ month: index + 1, bill }))
  const yearOfBills = sum(schedule.map((month) => month.bill))
  const estimatedBill = schedule[0].bill
  const current = request.customer.currentMonthlySpend
  const prepaid = outcome.prepaid ?? null

  return {
    offering: offering.slug,
    termMonths: request.termMonths,
    currency: 'CNY',
    options: ctx.options,
    oneTime: { lines: outcome.oneTime, total: oneTimeTotal, waived: waivedTotal },
    monthly: {
      commitment: outcome.commitment,
      allowance: outcome.allowance,
      estimatedBill,
      careCredit: outcome.careCredit,
      lines: outcome.monthLines(1),
    },
    schedule,
    gifts: outcome.gifts,
    firstYearTotal: oneTimeTotal + yearOfBills,
    termTotal: request.termMonths > 0 ? oneTimeTotal + sum(bills.slice(0, request.termMonths)) : null,
    earlyTermination: earlyTerminationFees(offering.earlyTermination, request.termMonths, {
      commitment: outcome.etfCommitment,
      broadbandDiscountPerMonth: outcome.broadbandDiscountPerMonth,
      waivedOneTime: waivedTotal,
    }),
    prepaid,
    // What is paid up front buys months: a prepaid month is not a month saved.
    savings:
      current === undefined
        ? null
        : {
            monthly: current - monthlyCost(estimatedBill, prepaid),
            annual: MONTHS_IN_YEAR * current - (yearOfBills + (prepaid?.amount ?? 0)),
            currentMonthlySpend: current,
          },
    ...(outcome.x === undefined ? {} : { x: outcome.x }),
    terms: describeOffering(ctx.catalog, offering, ctx.options).terms,
  }
}
