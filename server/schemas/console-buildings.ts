import { z } from 'zod'
import { districts } from '../domain/districts'
import { tenantFields, type TenantField } from '../domain/tenant-cleaning'
import { line } from './text'

/** An empty form field means "no filter". */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional())
const page = optional(z.coerce.number().int().min(1).max(100_000))

/** "My buildings" filters, as query parameters (the page's GET form sends the same). */
export const buildingListQuerySchema = z.object({
  q: optional(line().max(80)),
  district: optional(z.enum(districts)),
  target: optional(z.enum(['1', 'true']).transform(() => true)),
  page,
})
export type BuildingListQueryInput = z.infer<typeof buildingListQuerySchema>

export const tenantListQuerySchema = z.object({ q: optional(line().max(80)), page })

/** A form's yes/no (a select or checkbox) or JSON's boolean. */
const yesNo = z.union([z.boolean(), z.enum(['0', '1', 'true', 'false'])]).transform((value) => value === true || value === '1' || value === 'true')

export const buildingChangeSchema = z.object({ competitorExclusive: yesNo })

/**
 * A manager's correction of a tenant: any of its fields as typed (cleaned and checked as an import
 * cleans them; an empty one clears the value). Fields not sent stay as they are.
 */
const typed = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), line().max(300)).optional()
export const tenantEditSchema = z.object(Object.fromEntries(tenantFields.map((field) => [field, typed])) as Record<TenantField, typeof typed>)
export type TenantEdit = z.infer<typeof tenantEditSchema>
