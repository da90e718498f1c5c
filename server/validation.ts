import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { ZodType } from 'zod'
import { AppError } from './errors'

/** zod validation whose failures become our 400 `invalid_request` with one issue per problem. */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError(
        'invalid_request',
        `The request ${target === 'json' ? 'body' : target} is not valid.`,
        result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
      )
    }
  })
}
