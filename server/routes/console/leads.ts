import { Hono, type Context } from 'hono'
import type { z, ZodType } from 'zod'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { readInput } from '../../console/forms'
import { leadDetail, leadList } from '../../console/lead-desk'
import { AppError } from '../../errors'
import * as lifecycle from '../../leads/lifecycle'
import type { Lead, LeadScope } from '../../repositories/leads-repository'
import { followUpSchema, leadListQuerySchema, leadNoteSchema, markLostSchema, markWonSchema, noInputSchema } from '../../schemas/console-leads'
import type { Services } from '../../services/services'
import { issuesOf } from '../../validation'

/** "My leads": building managers see their own buildings' leads; marketing, operations and admins all. */
export const leadViewers = () => allow('manager', 'marketing', 'ops', 'admin')
/** Working a lead is the building manager's job (operations and admins stand in); marketing only looks. */
export const leadWorkers = () => allow('manager', 'ops', 'admin')

/**
 * Leads in the console (/api/console/leads): the list with its filters, one lead's detail, and one
 * route per lifecycle command. A lead outside the caller's buildings is 404 everywhere. Each command
 * answers the lead's id and status afterwards (a form post goes back to the lead's page).
 */
export function leadsRoutes(services: Services) {
  /** A route running one command with the request's validated input, within the caller's scope. */
  const command =
    <Schema extends ZodType>(schema: Schema, run: (actor: lifecycle.LeadActor, scope: LeadScope, id: string, input: z.infer<Schema>) => Promise<Lead>, done: string) =>
    async (c: Context<ConsoleEnv>) => {
      const staff = staffOf(c)
      const lead = await run({ kind: 'staff', id: staff.user.id }, staff.buildingIds, c.req.param('id')!, await readInput(c, schema))
      c.set('formDone', done)
      return c.json({ id: lead.id, status: lead.status })
    }

  return new Hono<ConsoleEnv>()
    .get('/', leadViewers(), async (c) => {
      const parsed = leadListQuerySchema.safeParse(c.req.query())
      if (!parsed.success) throw new AppError('invalid_request', 'The filters are not valid.', issuesOf(parsed.error))
      return c.json(await leadList(services, staffOf(c), parsed.data))
    })
    .get('/:id', leadViewers(), async (c) => c.json(await leadDetail(services, staffOf(c), c.req.param('id'))))
    .post('/:id/contact', leadWorkers(), command(noInputSchema, (who, scope, id) => lifecycle.contact(services, who, scope, id), 'contacted'))
    .post('/:id/qualify', leadWorkers(), command(noInputSchema, (who, scope, id) => lifecycle.qualify(services, who, scope, id), 'qualified'))
    .post('/:id/notes', leadWorkers(), command(leadNoteSchema, (who, scope, id, input) => lifecycle.addNote(services, who, scope, id, input.note), 'note_added'))
    .post('/:id/follow-up', leadWorkers(), command(followUpSchema, (who, scope, id, input) => lifecycle.setFollowUp(services, who, scope, id, input.followUpOn), 'follow_up_set'))
    .post('/:id/lost', leadWorkers(), command(markLostSchema, (who, scope, id, input) => lifecycle.markLost(services, who, scope, id, input.reason, input.note), 'lost'))
    .post('/:id/won', leadWorkers(), command(markWonSchema, (who, scope, id, input) => lifecycle.markWon(services, who, scope, id, input.orderNumber), 'won'))
}
