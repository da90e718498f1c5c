import { Hono } from 'hono'
import { AppError } from '../errors'
import { findQuote } from '../repositories/quotes-repository'
import { idParamSchema } from '../schemas/params'
import { quoteRequestSchema } from '../schemas/quote-request'
import { createQuote, previewQuote } from '../services/quote-service'
import type { Services } from '../services/services'
import { validate } from '../validation'

export function quotesRoutes(services: Services) {
  return new Hono()
    .post('/', validate('json', quoteRequestSchema), async (c) => {
      const quote = await createQuote(services, c.req.valid('json'))
      return c.json(quote, 201)
    })
    .post('/preview', validate('json', quoteRequestSchema), async (c) => {
      const { catalogVersion, quote } = await previewQuote(services, c.req.valid('json'))
      return c.json({ catalogVersion, ...quote })
    })
    .get('/:id', validate('param', idParamSchema), async (c) => {
      const quote = await findQuote(services.db, c.req.valid('param').id)
      if (!quote) throw new AppError('quote_not_found', 'There is no quote with this id.')
      return c.json(quote)
    })
}
