import { z } from 'zod'
import { line } from './text'

/** Path parameter of a resource addressed by its id. */
export const idParamSchema = z.object({ id: line().min(1).max(64) })
