import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../server/app'
import { allow, declaredAccess, identifyStaff, type ConsoleEnv, type RouteAccess } from '../../server/console/access'
import { createErrorHandler } from '../../server/errors'
import { staffRoles, type StaffRole } from '../../server/domain/staff-roles'
import { asStaff, createStaff, signIn } from '../support/staff'
import { TEST_CLIENT_ADDRESS, TEST_SITE, useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

/** The only console routes anyone may call without a session. */
const PUBLIC_ROUTES = ['POST /api/console/session']

/** The roles each route of a section must allow, exactly (a section's rules, stated once more here). */
const SECTION_RULES: Record<string, { pattern: RegExp; roles: StaffRole[] }[]> = {
  leads: [
    { pattern: /^GET \/api\/console\/leads/, roles: ['manager', 'marketing', 'ops', 'admin'] },
    { pattern: /^POST \/api\/console\/leads\/:id\//, roles: ['manager', 'ops', 'admin'] },
  ],
  // My buildings and tenant lists: everyone who works buildings looks (a manager at their own);
  // marketing, managers and admins keep the lists and marks, operations only look.
  buildings: [
    { pattern: /^GET \/api\/console\/buildings/, roles: ['manager', 'marketing', 'ops', 'admin'] },
    { pattern: /^(PATCH|POST) \/api\/console\/buildings/, roles: ['manager', 'marketing', 'admin'] },
  ],
  'tenant-imports': [
    { pattern: /^GET \/api\/console\/tenant-imports/, roles: ['manager', 'marketing', 'ops', 'admin'] },
    { pattern: /^POST \/api\/console\/tenant-imports/, roles: ['manager', 'marketing', 'admin'] },
  ],
  // Win-back codes: building managers (their own buildings), marketing and admins; not operations.
  'offer-codes': [{ pattern: /^(GET|POST) \/api\/console\/offer-codes/, roles: ['manager', 'marketing', 'admin'] }],
  // Assisted quotes: building managers (their own buildings), operations and admins; not marketing.
  'assisted-quotes': [{ pattern: /^(GET|POST) \/api\/console\/assisted-quotes/, roles: ['manager', 'ops', 'admin'] }],
  // E-mail visits: building managers (their own buildings' tenants), marketing and admins.
  'email-visits': [{ pattern: /^(GET|POST) \/api\/console\/email-visits/, roles: ['manager', 'marketing', 'admin'] }],
  // Campaigns: marketing (and admins) plan them; a building manager reads those aimed at their buildings.
  campaigns: [
    { pattern: /^GET \/api\/console\/campaigns/, roles: ['marketing', 'admin', 'manager'] },
    { pattern: /^(POST|PATCH) \/api\/console\/campaigns/, roles: ['marketing', 'admin'] },
  ],
}

interface ConsoleRoute {
  method: string
  path: string
  access: RouteAccess[]
}

/** Every console route registered in the app, with the access its handlers declare. */
function consoleRoutesOf(app: Hono): ConsoleRoute[] {
  const routes = new Map<string, ConsoleRoute>()
  for (const { method, path, handler } of app.routes) {
    if (method === 'ALL' || !path.startsWith('/api/console/')) continue
    const key = `${method} ${path}`
    const route = routes.get(key) ?? { method, path, access: [] }
    const access = declaredAccess(handler)
    if (access) route.access.push(access)
    routes.set(key, route)
  }
  return [...routes.values()]
}

const concretePath = (path: string) => path.replace(/:\w+/g, 'no-such-id').replace(/\/$/, '')

describe.each(databaseKinds)('every console route declares its access and enforces it, on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const users = new Map<StaffRole, string>()
  let routes: ConsoleRoute[]

  let app: Hono
  const request = (path: string, init: RequestInit) =>
    app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), origin: TEST_SITE } }, { incoming: { socket: { remoteAddress: TEST_CLIENT_ADDRESS } } })

  beforeAll(async () => {
    // Mounted as server/main.ts mounts it: the parent app wraps the API's handlers in the API's error handler.
    app = new Hono().route('/', createApi(seeded.api.services))
    routes = consoleRoutesOf(app)
    for (const role of staffRoles) {
      const user = await createStaff(seeded.api, [role], role === 'manager' ? { managerId: 'mgr-lujiazui-wang' } : {})
      users.set(role, user.email)
    }
  })

  const call = (route: ConsoleRoute, cookie?: string) =>
    request(concretePath(route.path), route.method === 'GET' ? asStaff(cookie ?? '') : asStaff(cookie ?? '', route.method, {}))

  it('finds the console routes, each with exactly one declaration', () => {
    expect(routes.length).toBeGreaterThanOrEqual(6)
    for (const route of routes) expect(route.access, `${route.method} ${route.path}`).toHaveLength(1)
    const open = routes.filter((route) => route.access[0].kind === 'public').map((route) => `${route.method} ${route.path}`)
    expect(open).toEqual(PUBLIC_ROUTES)
  })

  it.each(Object.keys(SECTION_RULES))('gives the %s routes exactly the roles their section states', (section) => {
    const own = routes.filter((route) => route.path.startsWith(`/api/console/${section}`))
    expect(own.length).toBeGreaterThan(0)
    for (const route of own) {
      const key = `${route.method} ${route.path}`
      const rule = SECTION_RULES[section].find((candidate) => candidate.pattern.test(key))
      expect(rule, key).toBeDefined()
      expect(route.access[0], key).toEqual({ kind: 'roles', roles: expect.arrayContaining(rule!.roles) })
      expect((route.access[0] as { roles: readonly StaffRole[] }).roles, key).toHaveLength(rule!.roles.length)
    }
  })

  it('answers 401 without a session on every route that is not public', async () => {
    for (const route of routes.filter((route) => route.access[0].kind !== 'public')) {
      expect((await call(route)).status, `${route.method} ${route.path}`).toBe(401)
    }
  })

  it('answers 403 to every role the route does not allow, and lets the allowed roles through', async () => {
    for (const route of routes.filter((route) => route.access[0].kind !== 'public')) {
      const access = route.access[0]
      for (const role of staffRoles) {
        // A fresh session each time: the sign-out route ends the one it is called with.
        const status = (await call(route, await signIn(seeded.api, users.get(role)!))).status
        const allowed = access.kind === 'signed-in' || (access.kind === 'roles' && access.roles.includes(role))
        if (allowed) expect([401, 403], `${role} on ${route.method} ${route.path}`).not.toContain(status)
        else expect(status, `${role} on ${route.method} ${route.path}`).toBe(403)
      }
    }
    // A signed-in call per route and role (argon2 each): the list of routes keeps growing.
  }, 120_000)

  it('refuses a route that declares no access before it runs (deny by default)', async () => {
    let ran = false
    const app = new Hono<ConsoleEnv>()
      .use(identifyStaff(seeded.api.services))
      .get('/declared', allow('ops'), (c) => c.text('ok'))
      .get('/undeclared', (c) => ((ran = true), c.text('should not run')))
    app.onError(createErrorHandler(() => {}))
    const cookie = await signIn(seeded.api, users.get('admin')!)
    expect((await app.request('/undeclared')).status).toBe(401)
    expect((await app.request('/undeclared', { headers: { cookie } })).status).toBe(403)
    expect(ran).toBe(false)
    expect((await app.request('/declared', { headers: { cookie: await signIn(seeded.api, users.get('ops')!) } })).status).toBe(200)
  })
})
