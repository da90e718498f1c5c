import { z } from 'zod'
import type { LocalizedText } from '../../pricing/catalog-schema'
import { sum } from '../../pricing/money'
import { prepayBonusGiftKind } from '../../pricing/rules/broadband-payment/bonus'
import { giftLiabilityOrders, type GiftLiabilityOrderRow } from '../../repositories/gift-liability-repository'
import { giftSchema } from '../../schemas/quote'
import type { Services } from '../../services/services'
import { giftLiability, type LiabilityFigures, type LiabilityOrder } from './compute'
import { isMonth, monthsFrom, shanghaiMonth, shanghaiMonthEnd, type Month } from './months'

/** The range asked for: months from `from` (default: this Shanghai month), 12 unless told, at most 36. */
export const giftLiabilityQuerySchema = z.object({
  from: z.string().refine(isMonth, 'a month as YYYY-MM').optional(),
  months: z.coerce.number().int().min(1).max(36).default(12),
  lang: z.enum(['zh', 'en']).catch('zh'),
  format: z.enum(['json', 'csv']).optional(),
})

export type GiftLiabilityQuery = z.infer<typeof giftLiabilityQuerySchema>

export interface GiftLiabilityReport extends LiabilityFigures {
  from: Month
  to: Month
  /** When it was computed (ISO): the orders as they stood then. */
  asOf: string
  /** Every reported offering's name, from the current catalog (or, for one no longer in it, its order's version). */
  offeringNames: Record<string, LocalizedText>
}

/** What the report reads of a stored quote: the gifts a month earns and the monthly care budget. */
const storedQuote = z.object({
  gifts: z.array(giftSchema.pick({ kind: true, amount: true })),
  monthly: z.object({ careCredit: z.number().int().nonnegative() }),
})

/**
 * How long a credited gift stays usable: the rule's `giftLapsesAfterMonths` where its version has
 * one, else one month (PRICING.md: credited next month, lapses if unused that month).
 */
export function lapseMonthsOf(rule: unknown): number {
  const value = typeof rule === 'object' && rule !== null ? (rule as { giftLapsesAfterMonths?: unknown }).giftLapsesAfterMonths : undefined
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1
}

/** The service starts in the month it was activated; until then, in the month installation is booked for. */
const startMonthOf = (row: GiftLiabilityOrderRow): Month => (row.activated_at ? shanghaiMonth(new Date(row.activated_at)) : row.install_date.slice(0, 7))

/** Reads the live orders and their versions' rules, then computes (compute.ts holds the arithmetic). */
export async function giftLiabilityReport(services: Pick<Services, 'db' | 'catalogs' | 'now'>, query: Pick<GiftLiabilityQuery, 'from' | 'months'>): Promise<GiftLiabilityReport> {
  const now = services.now()
  const from = query.from ?? shanghaiMonth(now)
  const months = monthsFrom(from, query.months)
  const to = months[months.length - 1]
  const rows = await giftLiabilityOrders(services.db, shanghaiMonthEnd(to))
  const current = await services.catalogs.current()
  const versions = new Map(await Promise.all([...new Set(rows.map((row) => row.catalog_version))].map(async (version) => [version, await services.catalogs.byVersion(version)] as const)))

  const offeringNames: Record<string, LocalizedText> = {}
  const orders = rows.map((row): LiabilityOrder => {
    const quote = storedQuote.parse(JSON.parse(row.quote_json))
    const offering = versions.get(row.catalog_version)?.offerings.get(row.offering_slug)
    const name = current.offerings.get(row.offering_slug)?.name ?? offering?.name
    if (name) offeringNames[row.offering_slug] = name
    // A prepay bonus is given once, for the first month; every other gift a quote lists, each month.
    const amounts = (once: boolean) => sum(quote.gifts.filter((gift) => (gift.kind === prepayBonusGiftKind) === once).map((gift) => gift.amount))
    return {
      offering: row.offering_slug,
      placedMonth: shanghaiMonth(new Date(row.created_at)),
      startMonth: startMonthOf(row),
      giftsPerMonth: amounts(false),
      firstMonthCredit: amounts(true),
      careCreditPerMonth: quote.monthly.careCredit,
      lapseMonths: lapseMonthsOf(offering?.rule),
    }
  })
  const figures = giftLiability(orders, months, [...current.offerings.keys()])
  return { ...figures, from, to, asOf: now.toISOString(), offeringNames }
}
