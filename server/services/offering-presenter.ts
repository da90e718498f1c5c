import type { Catalog } from '../pricing/catalog'
import type { Offering } from '../pricing/catalog-schema'
import { describeOffering } from '../pricing/describe-offering'
import { fromMonthlyPrice } from '../pricing/from-price'
import { averageSpendLimits, optionChoices, optionLabels } from '../pricing/rules/registry'
import { derivedOnce } from './catalog-derived'

export type OfferingSummary = ReturnType<typeof summarize>

/** The public summary of an offering, as listed in the catalog (once per catalog version: read-only). */
export function offeringSummary(catalog: Catalog, offering: Offering): OfferingSummary {
  return derivedOnce(catalog, `summary ${offering.slug}`, () => summarize(catalog, offering))
}

function summarize(catalog: Catalog, offering: Offering) {
  const from = fromMonthlyPrice(catalog, offering)
  return {
    slug: offering.slug,
    name: offering.name,
    audience: offering.audience,
    sellingPoints: describeOffering(catalog, offering).highlights,
    categories: offering.categories,
    segments: offering.segments,
    needs: offering.needs,
    terms: offering.terms,
    /** The API's "from" amount (API.md); `from` says what it is the price of. */
    fromMonthly: from?.monthly ?? null,
    from,
  }
}

/** Everything a configurator needs: components with limits and prices, options, terms, eligibility (once per version). */
export function offeringDetail(catalog: Catalog, offering: Offering) {
  return derivedOnce(catalog, `detail ${offering.slug}`, () => detail(catalog, offering))
}

function detail(catalog: Catalog, offering: Offering) {
  return {
    ...offeringSummary(catalog, offering),
    catalogVersion: catalog.version,
    components: offering.items.map((limit) => {
      const component = catalog.components.get(limit.code)!
      return { ...component, min: limit.min, max: limit.max }
    }),
    itemGroups: offering.itemGroups,
    options: optionChoices(offering.rule),
    optionLabels: optionLabels(offering.rule),
    eligibility: offering.eligibility,
    averageSpend: averageSpendLimits(offering.rule),
    earlyTermination: offering.earlyTermination,
    rule: offering.rule,
  }
}

export function listedOfferings(catalog: Catalog): readonly Offering[] {
  return derivedOnce(catalog, 'listed', () => [...catalog.offerings.values()].filter((offering) => offering.listed))
}
