import { z } from 'zod'
import { basisPoints, componentCategory, componentCode, customerStatus, fen, localizedText, offeringSlug } from './primitives'
import { earlyTerminationSchema } from './early-termination'
import { kindOf, pricingRuleSchema } from './rules/registry'

/**
 * The operator's price book as data. Everything a price depends on lives here and is validated
 * when the catalog is loaded, so a bad rule is rejected before it can price anything.
 */

export {
  basisPoints,
  componentCategories,
  componentCategory,
  componentCode,
  customerStatus,
  fen,
  localizedText,
  offeringSlug,
  usageCategories,
} from './primitives'
export { pricingRuleSchema, type PricingRule } from './rules/registry'

export const componentSchema = z.strictObject({
  code: componentCode,
  name: localizedText,
  category: componentCategory,
  monthly: fen,
  install: fen,
  /** Broadband speed, used to offer a lower speed when a building cannot serve this one. */
  speedMbps: z.number().int().positive().optional(),
  /** Reduced monthly prices for a committed term (broadband term prices). */
  termPrices: z.array(z.strictObject({ termMonths: z.number().int().positive(), monthly: fen })).default([]),
  needs: z
    .strictObject({
      voicePorts: z.number().int().positive().optional(),
      fibrePorts: z.number().int().positive().optional(),
      minSpeedMbps: z.number().int().positive().optional(),
      /** This component only makes sense next to one of that category in the same order. */
      requiresCategory: componentCategory.optional(),
      /**
       * More than this many in one order and operations review it before anything is reserved: a
       * component that takes a building's scarce ports must not be ordered by the building-full.
       */
      maxPerOrderWithoutReview: z.number().int().positive().optional(),
    })
    .refine((needs) => needs.maxPerOrderWithoutReview === undefined || Boolean(needs.voicePorts || needs.fibrePorts), {
      path: ['maxPerOrderWithoutReview'],
      message: 'only a component that takes building ports (voicePorts or fibrePorts) is limited per order',
    })
    .default({}),
})

const itemLimit = z.strictObject({
  code: componentCode,
  min: z.number().int().nonnegative(),
  max: z.number().int().positive(),
})

/** "exactly one of bb-100/bb-300/bb-1000" and the like. */
const itemGroup = z.strictObject({
  codes: z.array(componentCode).min(2),
  min: z.number().int().nonnegative(),
  max: z.number().int().positive(),
})

export const MAX_CATEGORIES_PER_OFFERING = 3

export const offeringSchema = z.strictObject({
  slug: offeringSlug,
  name: localizedText,
  audience: localizedText,
  /** Qualitative points only: a price or rate in words is generated from the rule's args (describe). */
  sellingPoints: z
    .array(
      localizedText.refine((point) => !/[0-9０-９¥￥%％×折]/.test(point.zh + point.en), {
        message: 'a selling point may not state a number: prices and rates are described from the rule data',
      }),
    )
    .max(2),
  /** Unlisted offerings exist only for a holder of an offer code. */
  listed: z.boolean(),
  segments: z.array(z.enum(['lt50', '50to200', 'gt200'])).min(1),
  needs: z.array(z.enum(['broadband', 'voice_broadband', 'mobile', 'commitment'])).min(1),
  categories: z.array(componentCategory).min(1).max(MAX_CATEGORIES_PER_OFFERING, {
    message: `an offering combines at most ${MAX_CATEGORIES_PER_OFFERING} categories`,
  }),
  items: z.array(itemLimit),
  itemGroups: z.array(itemGroup).default([]),
  terms: z.array(z.number().int().nonnegative()).min(1),
  eligibility: z.strictObject({
    statuses: z.array(customerStatus).min(1),
    priorSpendRequiredFor: z.array(customerStatus),
  }),
  earlyTermination: earlyTerminationSchema.nullable(),
  rule: pricingRuleSchema,
})

export const priceBookSchema = z
  .strictObject({
    components: z.array(componentSchema).min(1),
    offerings: z.array(offeringSchema).min(1),
  })
  .superRefine((book, ctx) => {
    const components = new Map(book.components.map((component) => [component.code, component]))
    if (components.size !== book.components.length) {
      ctx.addIssue({ code: 'custom', path: ['components'], message: 'component codes must be unique' })
    }
    const slugs = new Set(book.offerings.map((offering) => offering.slug))
    if (slugs.size !== book.offerings.length) {
      ctx.addIssue({ code: 'custom', path: ['offerings'], message: 'offering slugs must be unique' })
    }
    book.offerings.forEach((offering, index) => {
      for (const { code, path } of referencedComponents(offering)) {
        const component = components.get(code)
        if (!component) {
          // At the field that names it (an item's code, or the rule), so an editor can say which bundle and field still use it.
          ctx.addIssue({ code: 'custom', path: ['offerings', index, ...path], message: `${offering.slug}: unknown component ${code}` })
        } else if (!offering.categories.includes(component.category)) {
          ctx.addIssue({
            code: 'custom',
            path: ['offerings', index, 'categories'],
            message: `${offering.slug}: component ${code} is ${component.category}, which the offering does not combine`,
          })
        }
      }
    })
  })

/** Every component an offering can put on a bill, with where the offering names it: requested items and items its rule includes. */
function referencedComponents(offering: z.infer<typeof offeringSchema>): { code: string; path: (string | number)[] }[] {
  return [
    ...offering.items.map((item, index) => ({ code: item.code, path: ['items', index, 'code'] })),
    ...kindOf(offering.rule).includedComponents(offering.rule).map((code) => ({ code, path: ['rule'] })),
  ]
}

export type { LocalizedText, CustomerStatus, UsageCategory } from './primitives'
export type Component = z.infer<typeof componentSchema>
export type Offering = z.infer<typeof offeringSchema>
export type PriceBook = z.infer<typeof priceBookSchema>
export type PriceBookInput = z.input<typeof priceBookSchema>
