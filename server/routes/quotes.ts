import { Hono, type Context } from 'hono'
import { AppError } from '../errors'
import { findQuote } from '../repositories/quotes-repository'
import { idParamSchema } from '../schemas/params'
import type { PricedQuote } from '../schemas/quote'
import { quoteRequestSchema, type QuoteRequest } from '../schemas/quote-request'
import { guardOfferCodeGuess } from '../services/offer-code-guard'
import { createQuote, previewQuote } from '../services/quote-service'
import { clientAddress, limitPerClient } from '../services/rate-limits'
import type { Services } from '../services/services'
import { validate } from '../validation'

export function quotesRoutes(services: Services) {
  // A remembered quote (priced-quote-memo.ts) is the same object each time it is asked: serialized once.
  // Its catalog is the one it was priced with, so its catalogVersion goes with it.
  const previewAnswers = new WeakMap<PricedQuote, string>()
  const guarded = <T>(c: Context, request: QuoteRequest, price: () => Promise<T>): Promise<T> =>
    request.offerCode === undefined ? price() : guardOfferCodeGuess(services.limits, clientAddress(c, services.trustProxy), request.offerCode, price)
  return new Hono()
    .post('/', limitPerClient(services, 'quotes'), validate('json', quoteRequestSchema), async (c) => {
      const request = c.req.valid('json')
      const { quoteJson } = await guarded(c, request, () => createQuote(services, request))
      return c.body(quoteJson, 201, { 'Content-Type': 'application/json' })
    })
    .post('/preview', limitPerClient(services, 'previews'), validate('json', quoteRequestSchema), async (c) => {
      const request = c.req.valid('json')
      const { catalogVersion, quote } = await guarded(c, request, () => previewQuote(services, request))
      let answer = previewAnswers.get(quote)
      if (answer === undefined) previewAnswers.set(quote, (answer = JSON.stringify({ catalogVersion, ...quote })))
      return c.body(answer, 200, { 'Content-Type': 'application/json' })
    })
    .get('/:id', validate('param', idParamSchema), async (c) => {
      const quote = await findQuote(services.db, c.req.valid('param').id)
      if (!quote) throw new AppError('quote_not_found', 'There is no quote with this id.')
      return c.json(quote)
    })
}
