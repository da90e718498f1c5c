import { Hono } from 'hono'
import { z } from 'zod'
import { AppError } from '../errors'
import { idempotencyKeySchema, orderRequestSchema } from '../schemas/order-request'
import { orderForToken } from '../services/order-access'
import { orderLinks } from '../services/order-links'
import { orderTracking } from '../services/order-tracking'
import { placeOrder } from '../services/order-service'
import { checkoutUrl } from '../services/payment-service'
import type { Services } from '../services/services'
import { validate } from '../validation'

const trackingParams = z.object({ number: z.string().min(1).max(40) })
const tokenQuery = z.object({ token: z.string().min(1).max(100) })

export function ordersRoutes(services: Services) {
  return new Hono()
    .post('/', validate('json', orderRequestSchema), async (c) => {
      const key = idempotencyKeySchema.safeParse(c.req.header('Idempotency-Key'))
      if (!key.success) {
        throw new AppError('invalid_request', 'Send an Idempotency-Key header (1–255 characters) so a retried order is not placed twice.', [
          { path: 'Idempotency-Key', message: 'required' },
        ])
      }
      const answer = await placeOrder(services, key.data, c.req.valid('json'))
      if (answer.replayed) c.header('Idempotent-Replayed', 'true')
      return c.json(answer.body, 201)
    })
    .get('/:number', validate('param', trackingParams), validate('query', tokenQuery), async (c) => {
      const order = await orderForToken(services.db, c.req.valid('param').number, c.req.valid('query').token)
      return c.json(await orderTracking(services, order))
    })
    // The payment link of an order: on to Stripe's hosted page, or back to tracking once it is paid.
    .get('/:number/checkout', validate('param', trackingParams), validate('query', tokenQuery), async (c) => {
      const order = await orderForToken(services.db, c.req.valid('param').number, c.req.valid('query').token)
      const links = orderLinks(services.siteUrl, order.lang as 'zh' | 'en', order.number, order.tracking_token)
      if (order.status !== 'awaiting_payment') return c.redirect(links.tracking, 303)
      return c.redirect(await checkoutUrl(services, order, { success: links.tracking, cancel: links.tracking }), 303)
    })
}
