import type { AstroGlobal } from 'astro'
import { FORM_ANSWER_PARAMS, sameSitePath } from '../../server/console/forms'
import { sessionCookie } from '../../server/console/session-policy'
import { identityOfSession, type StaffIdentity } from '../../server/console/sessions'
import type { StaffRole } from '../../server/domain/staff-roles'
import { currentServices } from '../../server/services/registry'
import { localePath, pageLang, type Lang } from './lang'

export type ConsolePage =
  | { kind: 'not-found' }
  | { kind: 'redirect'; response: Response }
  | { kind: 'forbidden'; lang: Lang; staff: StaffIdentity }
  | { kind: 'allowed'; lang: Lang; staff: StaffIdentity }

/** The sign-in page, coming back to `path` afterwards; `expired`: a form was sent after the session ended. */
export const signInPath = (lang: Lang, next?: string, expired = false) => {
  const params = new URLSearchParams({ ...(next ? { next } : {}), ...(expired ? { expired: '1' } : {}) })
  return `${localePath(lang, '/console/sign-in')}${params.size > 0 ? `?${params}` : ''}`
}

/** The identity behind this request's session cookie, if any (the same check as the console API's). */
export async function pageIdentity(Astro: AstroGlobal): Promise<StaffIdentity | undefined> {
  const services = currentServices()
  return identityOfSession(services, Astro.cookies.get(sessionCookie(services.siteUrl).name)?.value)
}

/**
 * The start of every console page behind a session: never cached; without a session, off to the
 * sign-in page (coming back here); with one but without one of `roles`, a 403 page.
 */
export async function consolePage(Astro: AstroGlobal, roles: readonly StaffRole[] | 'signed-in'): Promise<ConsolePage> {
  Astro.response.headers.set('Cache-Control', 'no-store')
  const lang = pageLang(Astro.params.lang)
  if (!lang) return { kind: 'not-found' }
  const staff = await pageIdentity(Astro)
  if (!staff) {
    // A form sent after the session ended came back here refused: the sign-in page says it was not
    // saved, and the page after signing in does not repeat the refusal.
    const back = new URL(Astro.url)
    const expired = back.searchParams.get('error') === 'unauthenticated'
    for (const answer of FORM_ANSWER_PARAMS) back.searchParams.delete(answer)
    return { kind: 'redirect', response: Astro.redirect(signInPath(lang, sameSitePath(`${back.pathname}${back.search}`, localePath(lang, '/console')), expired), 303) }
  }
  if (roles !== 'signed-in' && !staff.roles.some((role) => roles.includes(role))) {
    Astro.response.status = 403
    return { kind: 'forbidden', lang, staff }
  }
  return { kind: 'allowed', lang, staff }
}
