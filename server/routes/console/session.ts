import { Hono, type Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { allowAnyone, allowSignedIn, staffOf, type ConsoleEnv } from '../../console/access'
import { isFormPost, NEXT_FIELD, readInput, sameSitePath } from '../../console/forms'
import { sessionCookie } from '../../console/session-policy'
import { endSession } from '../../console/sessions'
import { signIn } from '../../console/sign-in'
import { signInSchema } from '../../schemas/console'
import { clientAddress } from '../../services/rate-limits'
import type { Services } from '../../services/services'

/** Signing in and out of the console, and who is signed in. */
export function sessionRoutes(services: Services) {
  const cookie = sessionCookie(services.siteUrl)
  const clearCookie = (c: Context) => deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure, httpOnly: true, sameSite: 'Lax' })

  return new Hono<ConsoleEnv>()
    .get('/', allowSignedIn(), (c) => c.json(staffOf(c)))
    .post('/', allowAnyone(), async (c) => {
      const credentials = await readInput(c, signInSchema)
      const { sessionId, expiresAt } = await signIn(services, credentials, clientAddress(c, services.trustProxy))
      // A new id at every sign-in, and the session this browser had before (if any) ends: an id
      // planted in the browser beforehand never becomes a signed-in session (session fixation).
      const previous = c.get('sessionId')
      if (previous) await endSession(services, previous)
      setCookie(c, cookie.name, sessionId, { path: '/', httpOnly: true, secure: cookie.secure, sameSite: 'Lax', expires: expiresAt })
      if (isFormPost(c)) {
        const form = await c.req.parseBody()
        return c.redirect(sameSitePath(form[NEXT_FIELD], '/console'), 303)
      }
      return c.json({ expiresAt: expiresAt.toISOString() })
    })
    .delete('/', allowSignedIn(), async (c) => {
      await endSession(services, c.get('sessionId')!)
      clearCookie(c)
      c.set('formDone', 'signed_out')
      return c.body(null, 204)
    })
}
