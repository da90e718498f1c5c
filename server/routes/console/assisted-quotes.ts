import { Hono } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { assistedQuoteOf, assistedQuotes, createAssistedQuote } from '../../console/assisted-quotes'
import { isFormPost, readInput } from '../../console/forms'
import { assistedQuoteFormSchema, assistedQuoteSchema } from '../../schemas/console-assisted-quotes'
import type { Services } from '../../services/services'

/** A building manager quotes for their own buildings' tenants; operations and admins for any. */
const quoters = () => allow('manager', 'ops', 'admin')

/**
 * Assisted quotes (/api/console/assisted-quotes): make one with X set by hand (JSON in fen, or the
 * console's form in yuan), list them, and one's record of who set X and why.
 */
export function assistedQuotesRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', quoters(), async (c) => c.json({ quotes: await assistedQuotes(services, staffOf(c)) }))
    .post('/', quoters(), async (c) => {
      const input = await readInput(c, isFormPost(c) ? assistedQuoteFormSchema : assistedQuoteSchema)
      const made = await createAssistedQuote(services, staffOf(c), input)
      c.set('formDone', 'quote_sent')
      return c.json(made, 201)
    })
    .get('/:id', quoters(), async (c) => c.json(await assistedQuoteOf(services, staffOf(c), c.req.param('id'))))
}
