import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { z } from 'zod'
import { AppError } from '../errors'
import { idempotencyKeySchema, orderRequestSchema } from '../schemas/order-request'
import { attributeToEmailVisit, EMAIL_VISIT_COOKIE } from '../services/email-visit-cookie'
import { isRefusedOfferCode } from '../services/offer-code-guard'
import { orderForToken } from '../services/order-access'
import { orderLinks } from '../services/order-links'
import { orderTracking } from '../services/order-tracking'
import { placeOrder } from '../services/order-service'
import { checkoutUrl } from '../services/payment-service'
import { clientAddress, limitPerClient } from '../services/rate-limits'
import type { Services } from '../services/services'
import { line } from '../schemas/text'
import { validate } from '../validation'
import { requestIdOf } from '../observability/request-tracking'

const trackingParams = z.object({ number: line().min(1).max(40) })
const tokenQuery = z.object({ token: line().min(1).max(100) })

export function ordersRoutes(services: Services) {
  // Tracking links carry a secret token: look-ups are limited per client and per order number.
  const lookUp = async (number: string, token: string) => {
    await services.limits.take('trackingPerOrder', number)
    return orderForToken(services.db, number, token)
  }
  return new Hono()
    .post('/', limitPerClient(services, 'orders'), validate('json', orderRequestSchema), async (c) => {
      const key = idempotencyKeySchema.safeParse(c.req.header('Idempotency-Key'))
      if (!key.success) {
        throw new AppError('invalid_request', 'Send an Idempotency-Key header (1–255 characters) so a retried order is not placed twice.', [
          { path: 'Idempotency-Key', message: 'required' },
        ])
      }
      await services.limits.take('ordersPerCompany', c.req.valid('json').company.creditCode)
      // Ordering with someone else's win-back code is a wrong offer-code attempt like a mistyped code:
      // it counts towards the same per-client lockout as the quotes' wrong codes.
      const answer = await services.limits.attempt('offerCodes', clientAddress(c, services.trustProxy), () => placeOrder(services, key.data, c.req.valid('json')), isRefusedOfferCode)
      if (answer.replayed) c.header('Idempotent-Replayed', 'true')
      // The customer followed an e-mail visit's link before ordering: the order is the visit's.
      else await attributeToEmailVisit(services.db, 'orders', answer.body.id, getCookie(c, EMAIL_VISIT_COOKIE), (error) => services.log(error, requestIdOf(c)))
      return c.json(answer.body, 201)
    })
    .get('/:number', limitPerClient(services, 'tracking'), validate('param', trackingParams), validate('query', tokenQuery), async (c) => {
      const order = await lookUp(c.req.valid('param').number, c.req.valid('query').token)
      return c.json(await orderTracking(services, order))
    })
    // The payment link of an order: on to Stripe's hosted page, or back to tracking once it is paid.
    .get('/:number/checkout', limitPerClient(services, 'tracking'), validate('param', trackingParams), validate('query', tokenQuery), async (c) => {
      const order = await lookUp(c.req.valid('param').number, c.req.valid('query').token)
      const links = orderLinks(services.siteUrl, order.lang as 'zh' | 'en', order.number, order.tracking_token)
      if (order.status !== 'awaiting_payment') return c.redirect(links.tracking, 303)
      return c.redirect(await checkoutUrl(services, order, { success: links.tracking, cancel: links.tracking }), 303)
    })
}
