import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { AppError } from '../errors'
import { isFormPost } from '../console/forms'
import { countRecipientClick, findRecipientByToken, suppressEmail } from '../repositories/email-visits-repository'
import { EMAIL_VISIT_COOKIE, emailVisitCookieOptions } from '../services/email-visit-cookie'
import type { Services } from '../services/services'

const langPrefix = (lang: string) => (lang === 'en' ? '/en' : '')

/**
 * The public side of e-mail visits (/api/email-visits): the first-party click links of a visit's mail and
 * its unsubscribe. Opens are not tracked (no pixel); a click is counted here and sent on to the bundle
 * page with utm tags. Unsubscribing is a POST (one-click from the mail client, RFC 8058, or the button
 * of /unsubscribe/<token>): a GET never unsubscribes, as link scanners fetch every link of a mail.
 */
export function emailVisitsRoutes(services: Services) {
  const recipientOf = async (token: string) => {
    const recipient = await findRecipientByToken(services.db, token)
    if (!recipient) throw new AppError('not_found', 'This link is not valid.')
    return recipient
  }
  return new Hono()
    .get('/go/:token/:slug', async (c) => {
      const recipient = await recipientOf(c.req.param('token'))
      const slug = c.req.param('slug')
      // Only the bundles this visit offered: the link is never a redirect to anywhere else.
      if (!(JSON.parse(recipient.visit.offerings_json) as string[]).includes(slug)) throw new AppError('not_found', 'This link is not valid.')
      // A HEAD is a link scanner checking where the link goes (this route answers HEAD too): no click, no visit.
      if (c.req.method === 'GET') {
        await countRecipientClick(services.db, recipient.id, services.now().toISOString())
        setCookie(c, EMAIL_VISIT_COOKIE, recipient.token, emailVisitCookieOptions(services.siteUrl))
      }
      const tags = new URLSearchParams({ utm_source: 'email_visit', utm_medium: 'email', utm_campaign: recipient.visit.utm_campaign, utm_term: slug, utm_content: recipient.visit.id })
      return c.redirect(`${langPrefix(recipient.visit.lang)}/bundles/${slug}?${tags}`, 302)
    })
    // A client that fetches the List-Unsubscribe address instead of posting to it gets the page with the button.
    .get('/unsubscribe/:token', async (c) => {
      const recipient = await recipientOf(c.req.param('token'))
      return c.redirect(`${langPrefix(recipient.visit.lang)}/unsubscribe/${recipient.token}`, 303)
    })
    .post('/unsubscribe/:token', async (c) => {
      const recipient = await recipientOf(c.req.param('token'))
      if (recipient.email) await suppressEmail(services.db, recipient.email, recipient.token, services.now().toISOString())
      // The page's button comes back to the page; a mail client's one-click POST gets a plain answer.
      const form = isFormPost(c) ? await c.req.parseBody() : {}
      if (form.from === 'page') return c.redirect(`${langPrefix(recipient.visit.lang)}/unsubscribe/${recipient.token}?done=1`, 303)
      return c.json({ unsubscribed: true })
    })
}
