import { Hono, type Context } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { keepingRefusedForm, readInput } from '../../console/forms'
import { saveOfferCodeForm } from '../../console/offer-code-form-flash'
import { issueWinBackCode, revokeWinBackCode, winBackCode, winBackCodes } from '../../console/win-back-codes'
import { AppError } from '../../errors'
import { issueOfferCodeSchema, offerCodeListQuerySchema, revokeOfferCodeSchema } from '../../schemas/console-offer-codes'
import type { Services } from '../../services/services'
import { issuesOf } from '../../validation'

/** Win-back codes are marketing's and the building managers' tool (a manager: their own buildings only). */
const issuers = () => allow('manager', 'marketing', 'admin')

function listQuery(c: Context<ConsoleEnv>) {
  const parsed = offerCodeListQuerySchema.safeParse(c.req.query())
  if (!parsed.success) throw new AppError('invalid_request', 'The filters are not valid.', issuesOf(parsed.error))
  return parsed.data
}

/**
 * Win-back codes (/api/console/offer-codes): the list with its filters, one code with its history,
 * issuing one (optionally e-mailed to the company) and revoking one with a reason.
 */
export function offerCodesRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', issuers(), async (c) => c.json(await winBackCodes(services, staffOf(c), listQuery(c))))
    .post('/', issuers(), async (c) => {
      const keep = (fields: Record<string, unknown>) => saveOfferCodeForm(services, staffOf(c).user.id, fields)
      const issued = await keepingRefusedForm(c, keep, async () => issueWinBackCode(services, staffOf(c), await readInput(c, issueOfferCodeSchema)))
      c.set('formDone', 'code_issued')
      return c.json(issued, 201)
    })
    .get('/:code', issuers(), async (c) => c.json(await winBackCode(services, staffOf(c), c.req.param('code'))))
    .post('/:code/revoke', issuers(), async (c) => {
      const { reason } = await readInput(c, revokeOfferCodeSchema)
      const code = await revokeWinBackCode(services, staffOf(c), c.req.param('code'), reason)
      c.set('formDone', 'code_revoked')
      return c.json(code)
    })
}
