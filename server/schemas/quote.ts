import { z } from 'zod'
import { localizedText } from '../pricing/catalog-schema'

const amount = z.number().int()

export const oneTimeLineSchema = z.object({
  code: z.string(),
  label: localizedText,
  amount: amount.nonnegative(),
  waived: z.boolean(),
  rule: z.string(),
})

export const monthlyLineSchema = z.object({
  code: z.string(),
  label: localizedText,
  amount: amount.nonnegative(),
  rule: z.string(),
  quantity: z.number().int().positive().optional(),
})

export const prepaidSchema = z.object({ amount: amount.nonnegative(), months: z.number().int().positive() })

export const giftSchema = z.object({
  kind: z.string(),
  amount: amount.nonnegative(),
  label: localizedText,
})

/** What the pricing engine computes; the stored quote adds identity, expiry and provenance. */
export const pricedQuoteSchema = z.object({
  offering: z.string(),
  termMonths: z.number().int(),
  currency: z.literal('CNY'),
  options: z.record(z.string(), z.string()),
  oneTime: z.object({ lines: z.array(oneTimeLineSchema), total: amount, waived: amount }),
  monthly: z.object({
    commitment: amount.nullable(),
    allowance: amount.nullable(),
    estimatedBill: amount,
    careCredit: amount,
    lines: z.array(monthlyLineSchema),
  }),
  /** The 12 monthly bills of the first year (month 1 first), as firstYearTotal adds them up. */
  schedule: z.array(z.object({ month: z.number().int(), bill: amount })),
  gifts: z.array(giftSchema),
  firstYearTotal: amount,
  /** What the whole contract term costs: one-time charges and the bills of months 1..term; null without a term (and in quotes stored before it). */
  termTotal: amount.nullable().default(null),
  earlyTermination: z.array(z.object({ afterMonths: z.number().int(), fee: amount })),
  /** Paid up front for months of service (also a one-time line); quotes stored before it have none. */
  prepaid: prepaidSchema.nullable().default(null),
  /** Against the current spend: monthly = current − (month-1 bill + prepaid / its months), annual = 12 × current − (12 bills + prepaid). */
  savings: z.object({ monthly: amount, annual: amount, currentMonthlySpend: amount }).nullable(),
  x: amount.optional(),
  /** Contract facts the customer must see before accepting (prepaid non-refundable, X review). */
  terms: z.array(localizedText),
})

export const quoteSchema = pricedQuoteSchema.extend({
  id: z.string(),
  catalogVersion: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  buildingId: z.string().nullable(),
  customer: z.object({ status: z.string(), employees: z.number().int().optional() }),
  usage: z.record(z.string(), z.number().int()),
  items: z.record(z.string(), z.number().int()),
})

export type OneTimeLine = z.infer<typeof oneTimeLineSchema>
export type MonthlyLine = z.infer<typeof monthlyLineSchema>
export type Gift = z.infer<typeof giftSchema>
export type Prepaid = z.infer<typeof prepaidSchema>
export type PricedQuote = z.infer<typeof pricedQuoteSchema>
export type Quote = z.infer<typeof quoteSchema>
