import { z } from 'zod'
import { componentCode, customerStatus, offeringSlug } from '../pricing/catalog-schema'
import { attributionSchema } from './attribution'
import { line } from './text'

/** ¥10,000,000 in fen: the largest usage or spend a quote accepts. */
export const MAX_DECLARED_AMOUNT = 1_000_000_000
/** No office orders more of a component than this in one quote. */
export const MAX_ITEM_COUNT = 1000

const declaredAmount = z.number().int().nonnegative().max(MAX_DECLARED_AMOUNT)

export const quoteRequestSchema = z.strictObject({
  offering: offeringSlug,
  termMonths: z.number().int().nonnegative().max(60),
  options: z
    .strictObject({
      plan: line().min(1).max(20).optional(),
      payment: line().min(1).max(20).optional(),
      tier: line().min(1).max(20).optional(),
    })
    .default({}),
  items: z.record(componentCode, z.number().int().nonnegative().max(MAX_ITEM_COUNT)).default({}),
  customer: z.strictObject({
    status: customerStatus,
    employees: z.number().int().positive().max(1_000_000).optional(),
    priorMonthlySpend: z.tuple([declaredAmount, declaredAmount, declaredAmount]).optional(),
    currentMonthlySpend: declaredAmount.optional(),
  }),
  usage: z
    .strictObject({
      local_voice: declaredAmount.optional(),
      long_distance: declaredAmount.optional(),
      mobile: declaredAmount.optional(),
    })
    .default({}),
  buildingId: line().min(1).max(64).optional(),
  offerCode: line().min(1).max(64).optional(),
  attribution: attributionSchema.optional(),
})

export type QuoteRequest = z.infer<typeof quoteRequestSchema>
export type QuoteRequestInput = z.input<typeof quoteRequestSchema>
