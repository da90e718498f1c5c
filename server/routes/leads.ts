import { Hono, type Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { leadRequestSchema, type LeadRequestInput } from '../schemas/lead'
import { ATTRIBUTION_COOKIE, attributionFromCookie } from '../services/attribution-cookie'
import { createLead } from '../services/lead-service'
import type { Services } from '../services/services'
import { validate } from '../validation'

const isForm = (c: Context) => /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header('content-type') ?? '')

const SITE = 'http://site.invalid'

/** The page to go back to after a form error, with the form's values: only a page of this site. */
function backToForm(value: unknown, params: Record<string, string>): string {
  const requested = new URL(typeof value === 'string' && value.startsWith('/') ? value : '/', SITE)
  const url = requested.origin === SITE ? requested : new URL('/', SITE)
  for (const [key, param] of Object.entries(params)) url.searchParams.set(key, param)
  return `${url.pathname}${url.search}#callback`
}

export function leadsRoutes(services: Services) {
  return (
    new Hono()
      // The storefront's callback form works without JavaScript: it posts a form, we redirect.
      .post('/', async (c, next) => {
        if (!isForm(c)) return next()
        const form = await c.req.parseBody()
        const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '')
        const optional = (name: string) => field(name) || undefined
        const input: LeadRequestInput = {
          company: field('company'),
          contact: { name: field('name'), mobile: field('mobile') },
          note: optional('note'),
          buildingId: optional('buildingId'),
          offering: optional('offering'),
          quoteId: optional('quoteId'),
          source: (optional('source') as LeadRequestInput['source']) ?? 'callback',
          lang: field('lang') === 'en' ? 'en' : 'zh',
          attribution: attributionFromCookie(getCookie(c, ATTRIBUTION_COOKIE)),
        }
        const parsed = leadRequestSchema.safeParse(input)
        if (!parsed.success) {
          const invalid = String(parsed.error.issues[0].path.at(-1) ?? 'form')
          const values = { company: field('company'), name: field('name'), mobile: field('mobile'), note: field('note') }
          return c.redirect(backToForm(form.return, { lead_error: invalid, ...values }), 303)
        }
        const lead = await createLead(services, parsed.data)
        return c.redirect(`${input.lang === 'en' ? '/en' : ''}/leads/${lead.id}`, 303)
      })
      .post('/', validate('json', leadRequestSchema), async (c) => c.json(await createLead(services, c.req.valid('json')), 201))
  )
}
