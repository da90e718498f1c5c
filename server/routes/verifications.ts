import { Hono } from 'hono'
import { z } from 'zod'
import { normalizeEmail } from '../domain/email-verification'
import { verificationConfirmSchema, verificationRequestSchema } from '../schemas/email-verification'
import { line } from '../schemas/text'
import { confirmVerificationCode, sendVerificationCode } from '../services/email-verification-service'
import { limitPerClient } from '../services/rate-limits'
import type { Services } from '../services/services'
import { validate } from '../validation'

const idParams = z.object({ id: line().min(1).max(64) })

/** E-mail verification before an order: a mailed one-time code, then its confirmation. */
export function verificationsRoutes(services: Services) {
  return new Hono()
    .post('/', limitPerClient(services, 'verifications'), validate('json', verificationRequestSchema), async (c) => {
      const request = c.req.valid('json')
      // Each code is a mail into someone's inbox: limited per address too, whoever asks.
      await services.limits.take('verificationsPerEmail', normalizeEmail(request.email))
      return c.json(await sendVerificationCode(services, request), 202)
    })
    .post('/:id/confirm', validate('param', idParams), validate('json', verificationConfirmSchema), async (c) => {
      const verification = await confirmVerificationCode(services, c.req.valid('param').id, c.req.valid('json').code)
      return c.json({ id: verification.id, email: verification.email, verifiedUntil: verification.expires_at }, 200)
    })
}
