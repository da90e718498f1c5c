import { createStaffUser } from '../../server/console/staff-admin'
import type { StaffRole } from '../../server/domain/staff-roles'
import type { TestApi } from './test-api'

/** Long enough for the password policy; every test user gets it unless a test chooses another. */
export const STAFF_PASSWORD = 'correct horse battery staple'

let counter = 0

/** A staff user made directly through the service (as the CLI does), with a unique address. */
export async function createStaff(api: TestApi, roles: StaffRole[], options: { managerId?: string; password?: string; email?: string } = {}) {
  counter += 1
  const email = options.email ?? `${roles.join('-') || 'nobody'}-${counter}-${process.pid}@staff.test`
  const { user } = await createStaffUser(
    api.services,
    { kind: 'cli', id: null },
    { email, displayName: `Test ${roles.join('/')}`, roles, managerId: options.managerId, password: options.password ?? STAFF_PASSWORD },
  )
  return user
}

/** `name=value` of the session cookie a response set, for the Cookie header of later requests. */
export function sessionCookieOf(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((cookie) => /^(__Host-)?console_session=/.test(cookie))
  const pair = header?.split(';')[0]
  return pair && !pair.endsWith('=') ? pair : undefined
}

export const signInRequest = (email: string, password: string, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify({ email, password }),
})

/** Signs in and returns the session cookie; fails the test when signing in fails. */
export async function signIn(api: TestApi, email: string, password = STAFF_PASSWORD): Promise<string> {
  const response = await api.request('/api/console/session', signInRequest(email, password))
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`)
  return sessionCookieOf(response)!
}

/** A request carrying a session cookie (and a JSON body when one is given). */
export function asStaff(cookie: string, method = 'GET', body?: unknown): RequestInit {
  return {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }
}
