import { z } from 'zod'

/** Path parameter of a resource addressed by its id. */
export const idParamSchema = z.object({ id: z.string().min(1).max(64) })
