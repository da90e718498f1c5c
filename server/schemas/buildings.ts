import { z } from 'zod'
import { componentCode } from '../pricing/catalog-schema'
import { MAX_ITEM_COUNT } from './quote-request'
import { line } from './text'

export const buildingSearchQuerySchema = z.strictObject({
  q: line().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

/** `bb-300:1,fixed-line:2` → [{code: 'bb-300', count: 1}, ...] */
export const serviceabilityItemsSchema = line()
  .min(1, 'name at least one component, e.g. bb-300:1')
  .max(500)
  .transform((value, ctx) => {
    const items: { code: string; count: number }[] = []
    for (const part of value.split(',')) {
      const [code, countText = '1', ...rest] = part.trim().split(':')
      const count = Number(countText)
      if (rest.length > 0 || !componentCode.safeParse(code).success || !Number.isInteger(count) || count < 1 || count > MAX_ITEM_COUNT) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not code:count with a count from 1 to ${MAX_ITEM_COUNT}` })
        return z.NEVER
      }
      items.push({ code, count })
    }
    return items
  })

export const serviceabilityQuerySchema = z.strictObject({
  items: serviceabilityItemsSchema,
  offering: line().max(60).optional(),
})
