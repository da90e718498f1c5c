import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { matchedRoutes } from 'hono/route'
import { COMPOSED_HANDLER } from 'hono/utils/constants'
import type { StaffRole } from '../domain/staff-roles'
import { AppError } from '../errors'
import type { Services } from '../services/services'
import { sessionCookie } from './session-policy'
import { identityOfSession, type StaffIdentity } from './sessions'

/** What console handlers find in the request context. */
export type ConsoleEnv = {
  Variables: {
    staff: StaffIdentity | undefined
    /** The session cookie as sent, whether or not it still names a session. */
    sessionId: string | undefined
    /** What a form post's redirect reports as done (see answerForms). */
    formDone: string | undefined
    /** A refused form's fields kept for its page (see answerForms), as the id of their flash. */
    formFlash: string | undefined
  }
}

/** Who may call a console route; every route states one, and a route without one is refused. */
export type RouteAccess = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly StaffRole[] }

const declarations = new WeakMap<Function, RouteAccess>()

/**
 * The access a route handler declares, if it is one of the markers below (the route walker test reads
 * it too). Mounting an app that has its own error handler (the API in server/main.ts) wraps each
 * handler, keeping the original under COMPOSED_HANDLER.
 */
export function declaredAccess(handler: Function): RouteAccess | undefined {
  for (let current: Function | undefined = handler; current; current = (current as { [COMPOSED_HANDLER]?: Function })[COMPOSED_HANDLER]) {
    const access = declarations.get(current)
    if (access) return access
  }
  return undefined
}

function declare(access: RouteAccess, handler: MiddlewareHandler<ConsoleEnv>): MiddlewareHandler<ConsoleEnv> {
  declarations.set(handler, access)
  return handler
}

const signedInStaff = (c: Context<ConsoleEnv>): StaffIdentity => {
  const staff = c.get('staff')
  if (!staff) throw new AppError('unauthenticated', 'Please sign in to the console.')
  return staff
}

/** Only users holding one of these roles: `.get('/users', allow('admin'), handler)`. */
export function allow(...roles: [StaffRole, ...StaffRole[]]): MiddlewareHandler<ConsoleEnv> {
  return declare({ kind: 'roles', roles }, async (c, next) => {
    const staff = signedInStaff(c)
    if (!staff.roles.some((role) => roles.includes(role))) throw new AppError('forbidden', 'Your account is not allowed to do this.')
    await next()
  })
}

/** Any signed-in user, whatever their roles (their own session). */
export const allowSignedIn = (): MiddlewareHandler<ConsoleEnv> =>
  declare({ kind: 'signed-in' }, async (c, next) => {
    signedInStaff(c)
    await next()
  })

/** No session needed: signing in only. */
export const allowAnyone = (): MiddlewareHandler<ConsoleEnv> => declare({ kind: 'public' }, (_c, next) => next())

/** The signed-in staff member of a route behind `allow` or `allowSignedIn`. */
export const staffOf = signedInStaff

/**
 * First on every console route: puts the session's identity (or none) in the context, and refuses a
 * route that declares no access before it runs (deny by default): 401 without a session, else 403.
 */
export function identifyStaff(services: Services): MiddlewareHandler<ConsoleEnv> {
  const cookie = sessionCookie(services.siteUrl)
  return async (c, next) => {
    const sessionId = getCookie(c, cookie.name)
    c.set('sessionId', sessionId)
    c.set('staff', await identityOfSession(services, sessionId))
    const declared = matchedRoutes(c).some((route) => route.method !== 'ALL' && declaredAccess(route.handler) !== undefined)
    if (!declared) {
      signedInStaff(c)
      throw new AppError('forbidden', 'This console route declares no access.')
    }
    await next()
  }
}
