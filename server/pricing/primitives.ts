import { z } from 'zod'

/**
 * The building blocks of the price book's data: money, rates, texts and the closed vocabularies a
 * rule's arguments are made of. Kept apart from the catalog schema so each rule kind can use them.
 */

/*
 * `unit` (zod metadata, carried into z.toJSONSchema and kept by .positive(), .nullable() and the like)
 * tells the catalog editor's generated forms to show fen as yuan and basis points as a percentage.
 */
export const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER / 10_000).meta({ unit: 'fen' })
/** 10000 = 100 %. */
export const basisPoints = z.number().int().nonnegative().max(100_000).meta({ unit: 'bp' })
/** Rendered by the editor as 中文 / English inputs side by side (any object of exactly {zh, en} strings). */
/**
 * Price-book text reaches public pages, contracts and mails: one or a few lines, without control
 * characters or direction overrides (an RLO in a bundle name reverses whatever follows it).
 */
const CONTROL_OR_DIRECTION = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const bookText = z
  .string()
  .min(1)
  .max(300)
  .refine((value) => !CONTROL_OR_DIRECTION.test(value), 'control characters and direction overrides are not allowed')
export const localizedText = z.strictObject({ zh: bookText, en: bookText })
export const componentCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a component code')
export const offeringSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'an offering slug')

export const componentCategories = ['fixed_voice', 'broadband', 'mobile', 'vas'] as const
export const componentCategory = z.enum(componentCategories)
export const customerStatuses = ['new', 'existing'] as const
export const customerStatus = z.enum(customerStatuses)
export const usageCategories = ['local_voice', 'long_distance', 'mobile'] as const
export const usageCategory = z.enum(usageCategories)

/** A component a rule puts in the order by itself (a package's contents). */
export const includedItem = z.strictObject({ code: componentCode, count: z.number().int().positive() })

export type LocalizedText = z.infer<typeof localizedText>
export type ComponentCategory = z.infer<typeof componentCategory>
export type CustomerStatus = z.infer<typeof customerStatus>
export type UsageCategory = (typeof usageCategories)[number]
export type ItemCount = z.infer<typeof includedItem>
