import { Hono } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { saveEmailVisitForm } from '../../console/email-visit-form-flash'
import { keepingRefusedForm, readInput } from '../../console/forms'
import { cancelEmailVisit, createEmailVisit, emailVisitDetail, emailVisits, previewEmailVisit } from '../../console/email-visits'
import { AppError } from '../../errors'
import { createEmailVisitSchema, emailVisitPreviewSchema } from '../../schemas/console-email-visits'
import type { Services } from '../../services/services'
import { issuesOf } from '../../validation'

/** E-mail visits are the building managers' (their own buildings' tenants) and marketing's. */
const senders = () => allow('manager', 'marketing', 'admin')

/** E-mail visits (/api/console/email-visits): the list with what each did, a preview of a draft, scheduling one. */
export function emailVisitsRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', senders(), async (c) => c.json({ visits: await emailVisits(services, staffOf(c)) }))
    .get('/preview', senders(), async (c) => {
      // A repeated parameter (offerings=a&offerings=b) is a list, as a form sends it.
      const query = Object.fromEntries(Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0] : values]))
      const parsed = emailVisitPreviewSchema.safeParse(query)
      if (!parsed.success) throw new AppError('invalid_request', 'The filters are not valid.', issuesOf(parsed.error))
      return c.json(await previewEmailVisit(services, staffOf(c), parsed.data))
    })
    .get('/:id', senders(), async (c) => c.json(await emailVisitDetail(services, staffOf(c), c.req.param('id'))))
    .post('/', senders(), async (c) => {
      const keep = (fields: Record<string, unknown>) => saveEmailVisitForm(services, staffOf(c).user.id, fields)
      const created = await keepingRefusedForm(c, keep, async () => createEmailVisit(services, staffOf(c), await readInput(c, createEmailVisitSchema)))
      c.set('formDone', 'visit_scheduled')
      return c.json(created, 201)
    })
    .post('/:id/cancel', senders(), async (c) => {
      const cancelled = await cancelEmailVisit(services, staffOf(c), c.req.param('id'))
      c.set('formDone', 'visit_cancelled')
      return c.json(cancelled)
    })
}
