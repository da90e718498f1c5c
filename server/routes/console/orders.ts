import { Hono, type Context } from 'hono'
import type { z, ZodType } from 'zod'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { readInput } from '../../console/forms'
import { orderDetail, orderQueue, orderQueueCsv } from '../../console/fulfilment-queue'
import { AppError } from '../../errors'
import * as lifecycle from '../../orders/lifecycle'
import type { OrderRow } from '../../repositories/orders-repository'
import {
  completeSurveySchema,
  extendDeadlineSchema,
  optionalNoteSchema,
  orderQueueQuerySchema,
  reasonSchema,
  recordTransferSchema,
  rescheduleSchema,
  resolveFlagSchema,
  scheduleSchema,
} from '../../schemas/console-orders'
import type { Services } from '../../services/services'
import { issuesOf } from '../../validation'

/** Queue and detail: operations see every order, a manager their own buildings'. */
const viewers = () => allow('ops', 'admin', 'manager')
/** Changing an order is operations' work. */
const operators = () => allow('ops', 'admin')

function queueQuery(c: Context<ConsoleEnv>) {
  const parsed = orderQueueQuerySchema.safeParse(c.req.query())
  if (!parsed.success) throw new AppError('invalid_request', 'The filters are not valid.', issuesOf(parsed.error))
  return parsed.data
}

/**
 * The fulfilment queue (/api/console/orders): the list with its filters and CSV export, one order's
 * detail, and one route per lifecycle command. Each answers the order as it is afterwards (a form
 * post goes back to the order's page).
 */
export function ordersRoutes(services: Services) {
  const actor = (c: Context<ConsoleEnv>): lifecycle.OrderActor => ({ kind: 'staff', id: staffOf(c).user.id })

  /** A route running one command with the request's validated input. */
  const command =
    <Schema extends ZodType>(schema: Schema, run: (actor: lifecycle.OrderActor, number: string, input: z.infer<Schema>) => Promise<OrderRow>, done: string) =>
    async (c: Context<ConsoleEnv>) => {
      const order = await run(actor(c), c.req.param('number')!, await readInput(c, schema))
      c.set('formDone', done)
      return c.json({ number: order.number, status: order.status })
    }

  return new Hono<ConsoleEnv>()
    .get('/', viewers(), async (c) => c.json(await orderQueue(services, staffOf(c), queueQuery(c))))
    .get('/export.csv', viewers(), (c) => {
      const body = orderQueueCsv(services, staffOf(c), queueQuery(c))
      return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="orders.csv"' })
    })
    .get('/:number', viewers(), async (c) => c.json(await orderDetail(services, staffOf(c), c.req.param('number'))))
    .post('/:number/record-transfer', operators(), command(recordTransferSchema, (who, number, input) => lifecycle.recordTransfer(services, who, number, input.amountYuan), 'transfer_recorded'))
    .post('/:number/approve', operators(), command(optionalNoteSchema, (who, number, input) => lifecycle.approve(services, who, number, input.note), 'approved'))
    .post(
      '/:number/complete-survey',
      operators(),
      command(completeSurveySchema, (who, number, input) => lifecycle.completeSurvey(services, who, number, { added: { fibre: input.fibrePorts, voice: input.voicePorts }, note: input.note }), 'survey_completed'),
    )
    .post('/:number/reject', operators(), command(reasonSchema, (who, number, input) => lifecycle.reject(services, who, number, input.reason), 'rejected'))
    .post('/:number/schedule', operators(), command(scheduleSchema, (who, number, input) => lifecycle.schedule(services, who, number, input), 'scheduled'))
    .post('/:number/reschedule', operators(), command(rescheduleSchema, (who, number, { reason, ...slot }) => lifecycle.reschedule(services, who, number, slot, reason), 'rescheduled'))
    .post('/:number/start-install', operators(), command(optionalNoteSchema, (who, number) => lifecycle.startInstall(services, who, number), 'installing'))
    .post('/:number/activate', operators(), command(optionalNoteSchema, (who, number) => lifecycle.activate(services, who, number), 'active'))
    .post('/:number/cancel', operators(), command(reasonSchema, (who, number, input) => lifecycle.cancel(services, who, number, input.reason), 'cancelled'))
    .post('/:number/extend-deadline', operators(), command(extendDeadlineSchema, (who, number, input) => lifecycle.extendPaymentDeadline(services, who, number, input.until, input.reason), 'deadline_extended'))
    .post('/:number/resolve-flag', operators(), command(resolveFlagSchema, (who, number, input) => lifecycle.resolveFlaggedPayment(services, who, number, input.resolution, input.reason), 'flag_resolved'))
}
