import { Hono, type Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { AppError, RateLimitedError } from '../errors'
import { leadRequestSchema, type LeadRequest, type LeadRequestInput } from '../schemas/lead'
import { ATTRIBUTION_COOKIE, attributionFromCookie } from '../services/attribution-cookie'
import { attributeToEmailVisit, EMAIL_VISIT_COOKIE } from '../services/email-visit-cookie'
import { callbackAnchor, CALLBACK_ERROR_PARAM, CALLBACK_FLASH_PARAM, saveCallbackFlash } from '../services/callback-flash'
import { createLead } from '../services/lead-service'
import { clientAddress, limitPerClient } from '../services/rate-limits'
import type { Services } from '../services/services'
import { validate } from '../validation'
import { requestIdOf } from '../observability/request-tracking'

const isForm = (c: Context) => /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header('content-type') ?? '')

const SITE = 'http://site.invalid'

/**
 * The page to go back to after a form error: only a path of this site. The result is checked once
 * more as the browser will read it, since `/.//evil.example` normalises to `//evil.example`, an
 * address on another site.
 */
export function backToForm(value: unknown, params: Record<string, string>, anchor = callbackAnchor(undefined)): string {
  const requested = new URL(typeof value === 'string' && value.startsWith('/') ? value : '/', SITE)
  const url = requested.origin === SITE ? requested : new URL('/', SITE)
  for (const [key, param] of Object.entries(params)) url.searchParams.set(key, param)
  const target = `${url.pathname}${url.search}#${anchor}`
  return new URL(target, SITE).origin === SITE ? target : `/?${url.searchParams}#${anchor}`
}

export function leadsRoutes(services: Services) {
  const perMobile = (lead: LeadRequest) => services.limits.take('leadsPerMobile', lead.contact.mobile)
  return (
    new Hono()
      // The storefront's callback form works without JavaScript: it posts a form, we redirect.
      .post('/', async (c, next) => {
        if (!isForm(c)) return next()
        const form = await c.req.parseBody().catch(() => {
          throw new AppError('invalid_request', 'The form data could not be read.')
        })
        const back = (params: Record<string, string>, anchor?: string) => c.redirect(backToForm(form.return, params, anchor), 303)
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
        try {
          await services.limits.take('leads', clientAddress(c, services.trustProxy))
          const parsed = leadRequestSchema.safeParse(input)
          if (!parsed.success) {
            // What was typed waits server-side; the redirect names it by an opaque id only.
            const values = { company: field('company'), name: field('name'), mobile: field('mobile'), note: field('note') }
            const error = String(parsed.error.issues[0].path.at(-1) ?? 'form')
            const id = await saveCallbackFlash(services, { error, values })
            return back({ [CALLBACK_FLASH_PARAM]: id }, callbackAnchor(error))
          }
          await perMobile(parsed.data)
          const lead = await createLead(services, parsed.data)
          await attributeToEmailVisit(services.db, 'leads', lead.id, getCookie(c, EMAIL_VISIT_COOKIE), (error) => services.log(error, requestIdOf(c)))
          return c.redirect(`${input.lang === 'en' ? '/en' : ''}/leads/${lead.id}`, 303)
        } catch (error) {
          // Refused for volume: say so, and store nothing (a flood must not fill the flash table).
          if (error instanceof RateLimitedError) return back({ [CALLBACK_ERROR_PARAM]: 'rate_limited' })
          throw error
        }
      })
      .post('/', limitPerClient(services, 'leads'), validate('json', leadRequestSchema), async (c) => {
        await perMobile(c.req.valid('json'))
        const lead = await createLead(services, c.req.valid('json'))
        await attributeToEmailVisit(services.db, 'leads', lead.id, getCookie(c, EMAIL_VISIT_COOKIE), (error) => services.log(error, requestIdOf(c)))
        return c.json(lead, 201)
      })
  )
}
