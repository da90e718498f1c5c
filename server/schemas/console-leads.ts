import { z } from 'zod'
import { leadLostReasons, leadStatuses, type LeadStatus } from '../domain/lead-status'
import { typedOrderNumber } from '../domain/order-number'
import { freeText, line } from './text'

/** An empty form field means "none" (no filter, no date). */
const blankAsNone = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional())
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** "My leads" filters, as query parameters (the page's GET form sends the same). */
export const leadListQuerySchema = z.object({
  status: blankAsNone(z.enum(leadStatuses as [LeadStatus, ...LeadStatus[]])),
  late: blankAsNone(z.enum(['1', 'true']).transform(() => true)),
  building: blankAsNone(line().max(64)),
  after: blankAsNone(line().max(200)),
  limit: blankAsNone(z.coerce.number().int().min(1).max(200)),
})
export type LeadListQuery = z.infer<typeof leadListQuerySchema>

/** Nothing to send: the command is the route (a form still posts its confirmation). */
export const noInputSchema = z.object({})
/** What was said or agreed, as staff typed it (line breaks kept); blank is no note. */
export const leadNoteSchema = z.object({ note: freeText().trim().min(1).max(2000) })
/** The next follow-up day; an empty field clears it. */
export const followUpSchema = z.object({ followUpOn: z.preprocess((value) => (value === '' ? null : value), isoDate.nullable()) })
export const markLostSchema = z.object({ reason: z.enum(leadLostReasons), note: blankAsNone(line().trim().max(500)) })
/** The order that won the lead, by its number as staff read it (any case, spaces around it). */
export const markWonSchema = z.object({ orderNumber: z.preprocess((value) => (typeof value === 'string' ? typedOrderNumber(value) : value), line().min(1).max(40)) })
