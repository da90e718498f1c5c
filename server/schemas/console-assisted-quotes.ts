import { z } from 'zod'
import { usageCategories } from '../pricing/primitives'
import { yuan } from './console-orders'
import { contactEmailSchema } from './email-verification'
import { creditCodeSchema } from './order-request'
import { MAX_DECLARED_AMOUNT, quoteRequestSchema } from './quote-request'
import { line } from './text'

const text = (max: number) => line().trim().min(1).max(max)

/** Why X is not the declared average, in staff's words: at least 3 characters besides spaces. */
const reason = z.preprocess((value) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value), line().min(3).max(500))

/**
 * An assisted quote (console, JSON): the configuration priced as the storefront prices it, for a
 * tenant company at one building, with X set by hand (fen) and why; the proposal link goes to the contact.
 */
export const assistedQuoteSchema = z.strictObject({
  buildingId: line().min(1).max(64),
  company: z.strictObject({ name: text(100), creditCode: creditCodeSchema }),
  contact: z.strictObject({ name: text(50), email: contactEmailSchema }),
  /** The language of the proposal link and the e-mail. */
  lang: z.enum(['zh', 'en']).default('zh'),
  quote: quoteRequestSchema.omit({ buildingId: true, offerCode: true, attribution: true }),
  negotiatedX: z.number().int().positive().max(MAX_DECLARED_AMOUNT),
  reason,
})
export type AssistedQuoteInput = z.infer<typeof assistedQuoteSchema>

/** Form fields of a component count and a usage amount: `item-bb-100`, `usage-local_voice`. */
export const ITEM_FIELD = 'item-'
export const USAGE_FIELD = 'usage-'

/** Yuan as typed ("8000", "¥8,000.00") to fen; anything else is passed on for the schema to refuse at its field. */
const fenOf = (value: unknown) => {
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const parsed = yuan.safeParse(value.trim())
  return parsed.success ? parsed.data : value
}
const countOf = (value: unknown) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value)

/**
 * The console's form (no JavaScript): flat fields, amounts in yuan, read into the JSON shape above so
 * that one schema and one service serve both.
 */
export function assistedQuoteFromForm(fields: Record<string, unknown>): unknown {
  const items: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith(ITEM_FIELD) && value !== '' && value !== '0') items[name.slice(ITEM_FIELD.length)] = countOf(value)
  }
  const usage: Record<string, unknown> = {}
  for (const category of usageCategories) {
    const amount = fenOf(fields[`${USAGE_FIELD}${category}`])
    if (amount !== undefined) usage[category] = amount
  }
  const current = fenOf(fields.currentSpend)
  return {
    buildingId: fields.buildingId,
    company: { name: fields.companyName, creditCode: fields.creditCode },
    contact: { name: fields.contactName, email: fields.contactEmail },
    lang: fields.lang,
    quote: {
      offering: fields.offering,
      termMonths: countOf(fields.termMonths),
      options: typeof fields.plan === 'string' && fields.plan !== '' ? { plan: fields.plan } : {},
      items,
      customer: {
        status: fields.status,
        priorMonthlySpend: [fenOf(fields.prior1), fenOf(fields.prior2), fenOf(fields.prior3)],
        ...(current === undefined ? {} : { currentMonthlySpend: current }),
      },
      usage,
    },
    negotiatedX: fenOf(fields.xYuan),
    reason: fields.reason,
  }
}

export const assistedQuoteFormSchema = z.preprocess((value) => assistedQuoteFromForm(value as Record<string, unknown>), assistedQuoteSchema)
