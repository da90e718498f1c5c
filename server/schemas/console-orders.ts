import { z } from 'zod'
import { installSlotKinds } from '../domain/install-slots'
import { orderTransitions, type OrderStatus } from '../domain/order-status'
import { flagResolutions } from '../orders/lifecycle'
import { collapseSpaces, line } from './text'

const orderStatuses = Object.keys(orderTransitions) as [OrderStatus, ...OrderStatus[]]
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/** An empty form field means "no filter". */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

/**
 * What staff type or paste into the queue's search: full-width letters, digits and signs as their
 * ASCII forms (NFKC: "１３８" is "138", "ＳＯ" is "SO"), spaces collapsed. Blank means no search.
 */
export const searchText = (value: string) => collapseSpaces(value.normalize('NFKC'))

/** The fulfilment queue's filters, as query parameters (the page's GET form sends the same). */
export const orderQueueQuerySchema = z.object({
  state: optional(z.enum(orderStatuses)),
  district: optional(line().max(40)),
  building: optional(line().max(64)),
  manager: optional(line().max(64)),
  payment: optional(z.enum(['online', 'invoice'])),
  from: optional(isoDate),
  to: optional(isoDate),
  late: optional(z.enum(['1', 'true']).transform(() => true)),
  q: z.preprocess((value) => (typeof value === 'string' ? searchText(value) || undefined : value), line().max(80).optional()),
  after: optional(line().max(200)),
  limit: optional(z.coerce.number().int().min(1).max(200)),
})
export type OrderQueueQuery = z.infer<typeof orderQueueQuerySchema>

export const orderNumberParamSchema = z.object({ number: line().min(1).max(40) })

/** Why, in staff's words: at least 3 characters besides spaces (a blank reason is no reason); pasted tabs and line breaks become spaces. */
const reason = z.preprocess((value) => (typeof value === 'string' ? collapseSpaces(value) : value), line().min(3).max(500))

/**
 * An amount as staff copy it off a bank statement: full-width digits, a ¥/￥ or RMB/CNY before it,
 * 元 after it, spaces, thousands separators ("1,234.50") are all the same number; a comma anywhere
 * else ("2,00") is not read as anything.
 */
export function statementAmount(value: string): string {
  const bare = value
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(¥|RMB|CNY)/i, '')
    .replace(/元$/, '')
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(bare) ? bare.replaceAll(',', '') : bare
}

/** Yuan as staff read it off the bank statement ("300", "300.00", "¥1,234.50"), to whole fen without floating point. */
export const yuan = z
  .preprocess((value) => (typeof value === 'string' ? statementAmount(value) : value), z.string().regex(/^\d{1,9}(\.\d{1,2})?$/))
  .transform((value) => {
    const [whole, fraction = ''] = value.split('.')
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  })
export const recordTransferSchema = z.object({ amountYuan: yuan })
export const reasonSchema = z.object({ reason })
export const optionalNoteSchema = z.object({ note: optional(line().max(500)) })
/** Ports as staff type them (full-width digits too): a whole number from 0 to 1000. */
const portCount = z.preprocess((value) => (typeof value === 'string' ? value.normalize('NFKC').trim() : value), z.coerce.number().int().min(0).max(1000))
/** What a site survey added to the building: its new free ports. */
export const completeSurveySchema = z.object({ fibrePorts: portCount, voicePorts: portCount, note: optional(line().max(500)) })
export const scheduleSchema = z.object({ date: isoDate, slot: z.enum(installSlotKinds) })
export const rescheduleSchema = scheduleSchema.extend({ reason })
/** A console form's datetime-local has no zone: it is Shanghai's wall clock. */
const shanghaiInstant = z.preprocess((value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value), z.coerce.date())
export const extendDeadlineSchema = z.object({ until: shanghaiInstant, reason })
export const resolveFlagSchema = z.object({ resolution: z.enum(flagResolutions), reason })
