import { z } from 'zod'
import { line } from './text'

/** Ad attribution kept from the landing page (first touch) and sent with quotes, leads and orders. */
export const attributionKeys = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'bd_vid',
  'gclid',
] as const

export const attributionSchema = z.strictObject(
  Object.fromEntries(attributionKeys.map((key) => [key, line().min(1).max(200).optional()])) as Record<
    (typeof attributionKeys)[number],
    z.ZodOptional<z.ZodString>
  >,
)

export type Attribution = z.infer<typeof attributionSchema>
