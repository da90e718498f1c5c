import { z } from 'zod'

/**
 * The operator's price book as data. Everything a price depends on lives here and is validated
 * when the catalog is loaded, so a bad rule is rejected before it can price anything.
 */

export const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER / 10_000)
/** 10000 = 100 %. */
export const basisPoints = z.number().int().nonnegative().max(100_000)
export const localizedText = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })
export const componentCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a component code')
export const offeringSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'an offering slug')

export const componentCategories = ['fixed_voice', 'broadband', 'mobile', 'vas'] as const
export const componentCategory = z.enum(componentCategories)
export const customerStatus = z.enum(['new', 'existing'])
export const usageCategories = ['local_voice', 'long_distance', 'mobile'] as const

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

const includedItem = z.strictObject({ code: componentCode, count: z.number().int().positive() })

const earlyTermination = z.strictObject({
  /** A fixed amount per remaining month. */
  perRemainingMonth: fen.default(0),
  /** A share of the monthly commitment per remaining month. */
  commitmentShareBp: basisPoints.default(0),
  /** Pay back the monthly broadband discount for each remaining month. */
  broadbandDiscount: z.boolean().default(false),
  /** round_half_up(waivedOneTime × r / term). */
  proRataWaivedOneTime: z.boolean().default(false),
})

const broadbandPaymentRule = z.strictObject({
  kind: z.literal('broadband_payment'),
  payments: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: localizedText,
        /** 0 = pay monthly; otherwise prepay this many months at the term price of that length. */
        prepayMonths: z.number().int().nonnegative().max(12),
        waiveInstall: z.boolean(),
      }),
    )
    .min(1),
})

const fixedMonthlyPackageRule = z.strictObject({
  kind: z.literal('fixed_monthly_package'),
  voiceBaseline: fen,
  /** Bundle price C of each allowed broadband speed. */
  broadbandBundlePrices: z.record(componentCode, fen),
  /** Tiers of the excess over the baseline; the last tier has no upper bound. */
  excessTiers: z
    .array(z.strictObject({ upTo: fen.nullable(), rateBp: basisPoints }))
    .min(1)
    .refine((tiers) => tiers.at(-1)?.upTo === null, 'the last excess tier must be open-ended (upTo: null)'),
  usage: z.array(z.enum(usageCategories)).min(1),
  waiveBroadbandInstallFor: z.array(customerStatus),
  floorBaselineAtPriorSpendFor: z.array(customerStatus),
})

const groupMobileRule = z.strictObject({
  kind: z.literal('group_mobile'),
  baseMonthly: fen,
  lineComponent: componentCode,
  includedLocalVoice: fen,
  includedMobileUsagePerLine: fen,
  longDistanceRateBp: basisPoints,
})

const localSpendGiftRule = z.strictObject({
  kind: z.literal('local_spend_gift'),
  usage: z.array(z.enum(usageCategories)).min(1),
  giftKind: z.string().min(1),
  /** The highest tier reached applies to the whole local amount. */
  giftTiers: z.array(z.strictObject({ minLocalVoice: fen, rateBp: basisPoints })).min(1),
})

const basePlusTiersRule = z.strictObject({
  kind: z.literal('base_plus_tiers'),
  tiers: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        baseline: fen,
        includedItems: z.array(includedItem),
        /** null: pay max(baseline, actual); otherwise baseline + rate × the excess. */
        excessRateBp: basisPoints.nullable(),
        waiveInstalls: z.boolean(),
      }),
    )
    .min(1),
})

const entryBundleRule = z.strictObject({
  kind: z.literal('entry_bundle'),
  entryMonthly: fen,
  includedItems: z.array(includedItem).min(1),
  usageRateBp: basisPoints,
  waiveInstalls: z.boolean(),
})

const commitmentPlanRule = z.strictObject({
  kind: z.literal('commitment_plan'),
  plans: z
    .array(z.strictObject({ id: z.string().min(1), commitmentBp: basisPoints, allowanceBp: basisPoints }))
    .min(1),
  /** A lower commitment for the first months (win-back); the ETF still uses the plan commitment. */
  introductory: z.strictObject({ months: z.number().int().positive(), commitmentBp: basisPoints }).optional(),
  minimumX: fen,
  /** Above this X the customer is referred to a building manager. */
  maximumX: fen,
  reviewMonths: z.number().int().positive(),
  care: z.strictObject({ shareBp: basisPoints, minimum: fen }),
  waiveInstalls: z.boolean(),
})

export const pricingRuleSchema = z.discriminatedUnion('kind', [
  broadbandPaymentRule,
  fixedMonthlyPackageRule,
  groupMobileRule,
  localSpendGiftRule,
  basePlusTiersRule,
  entryBundleRule,
  commitmentPlanRule,
])

export const MAX_CATEGORIES_PER_OFFERING = 3

export const offeringSchema = z.strictObject({
  slug: offeringSlug,
  name: localizedText,
  audience: localizedText,
  sellingPoints: z.array(localizedText).min(1).max(5),
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
  earlyTermination: earlyTermination.nullable(),
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
      for (const code of referencedComponentCodes(offering)) {
        const component = components.get(code)
        if (!component) {
          ctx.addIssue({ code: 'custom', path: ['offerings', index], message: `${offering.slug}: unknown component ${code}` })
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

/** Every component an offering can put on a bill: requested items and items its rule includes. */
function referencedComponentCodes(offering: z.infer<typeof offeringSchema>): string[] {
  const rule = offering.rule
  const included =
    rule.kind === 'base_plus_tiers'
      ? rule.tiers.flatMap((tier) => tier.includedItems.map((item) => item.code))
      : rule.kind === 'entry_bundle'
        ? rule.includedItems.map((item) => item.code)
        : rule.kind === 'group_mobile'
          ? [rule.lineComponent]
          : rule.kind === 'fixed_monthly_package'
            ? Object.keys(rule.broadbandBundlePrices)
            : []
  return [...offering.items.map((item) => item.code), ...included]
}

export type LocalizedText = z.infer<typeof localizedText>
export type Component = z.infer<typeof componentSchema>
export type Offering = z.infer<typeof offeringSchema>
export type PricingRule = z.infer<typeof pricingRuleSchema>
export type PriceBook = z.infer<typeof priceBookSchema>
export type PriceBookInput = z.input<typeof priceBookSchema>
export type CustomerStatus = z.infer<typeof customerStatus>
export type UsageCategory = (typeof usageCategories)[number]
