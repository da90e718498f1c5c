import { describe, expect, it } from 'vitest'
import { createApi } from '../../server/app'
import { STAFF_PASSWORD, asStaff, createStaff, sessionCookieOf, signIn, signInRequest } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const MINUTE = 60_000

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields),
})

describe.each(databaseKinds)('console sessions on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const at = (minutesAfterStart: number) => new Date(Date.parse('2026-11-22T03:00:00.000Z') + minutesAfterStart * MINUTE)
  const whoAmI = (cookie: string) => seeded.api.request('/api/console/session', asStaff(cookie))

  it('signs in with an HttpOnly, SameSite session cookie (not Secure on http) and knows who is signed in', async () => {
    seeded.api.setNow(at(0))
    const user = await createStaff(seeded.api, ['ops'])
    const response = await seeded.api.request('/api/console/session', signInRequest(user.email.toUpperCase(), STAFF_PASSWORD))
    expect(response.status).toBe(200)
    const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('console_session='))!
    expect(header).toMatch(/HttpOnly/)
    expect(header).toMatch(/SameSite=Lax/)
    expect(header).toMatch(/Path=\//)
    expect(header).not.toMatch(/Secure/)
    const me = await whoAmI(sessionCookieOf(response)!)
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual({ user: { id: user.id, email: user.email, displayName: user.displayName, managerId: null }, roles: ['ops'], buildingIds: 'all' })
  })

  it('stores only a hash of the session id', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, user.email)
    const sessionId = cookie.split('=')[1]
    const rows = await seeded.database.db.selectFrom('staff_sessions').select('id_hash').where('user_id', '=', user.id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0].id_hash).not.toContain(sessionId)
    expect(rows[0].id_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers a wrong password, an unknown address and a disabled account alike, without a cookie', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const disabled = await createStaff(seeded.api, ['ops'])
    await seeded.database.db.updateTable('staff_users').set({ disabled: 1 }).where('id', '=', disabled.id).execute()
    const answers = await Promise.all(
      [signInRequest(user.email, 'not the password at all'), signInRequest('nobody@staff.test', STAFF_PASSWORD), signInRequest(disabled.email, STAFF_PASSWORD)].map(
        async (init) => {
          const response = await seeded.api.request('/api/console/session', init)
          return { status: response.status, cookie: sessionCookieOf(response), body: await response.json() }
        },
      ),
    )
    for (const answer of answers) expect(answer).toEqual(answers[0])
    expect(answers[0]).toEqual({ status: 401, cookie: undefined, body: { error: { code: 'invalid_credentials', message: expect.any(String) } } })
  })

  it('rotates the session id at sign-in and ends the session the browser had before', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const first = await signIn(seeded.api, user.email)
    const response = await seeded.api.request('/api/console/session', signInRequest(user.email, STAFF_PASSWORD, first))
    const second = sessionCookieOf(response)!
    expect(second).not.toBe(first)
    expect((await whoAmI(first)).status).toBe(401)
    expect((await whoAmI(second)).status).toBe(200)
  })

  it('ends a session after the idle timeout, and keeps one in use alive until then', async () => {
    seeded.api.setNow(at(0))
    const user = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, user.email)
    seeded.api.setNow(at(25))
    expect((await whoAmI(cookie)).status).toBe(200)
    seeded.api.setNow(at(50)) // 25 minutes after the last request: within the 30-minute idle timeout
    expect((await whoAmI(cookie)).status).toBe(200)
    seeded.api.setNow(at(81))
    expect((await whoAmI(cookie)).status).toBe(401)
    seeded.api.setNow(at(82))
    expect((await whoAmI(cookie)).status).toBe(401) // deleted, not revived
  })

  it('ends a session at the absolute timeout however busy it is', async () => {
    seeded.api.setNow(at(0))
    const user = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, user.email)
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      seeded.api.setNow(at(minutes))
      expect((await whoAmI(cookie)).status).toBe(200)
    }
    seeded.api.setNow(at(12 * 60))
    expect((await whoAmI(cookie)).status).toBe(401)
    seeded.api.setNow(at(0))
  })

  it('signs out server-side: the old cookie no longer works', async () => {
    const user = await createStaff(seeded.api, ['marketing'])
    const cookie = await signIn(seeded.api, user.email)
    const response = await seeded.api.request('/api/console/session', asStaff(cookie, 'DELETE'))
    expect(response.status).toBe(204)
    expect(response.headers.getSetCookie().join()).toMatch(/console_session=;.*Max-Age=0/)
    expect((await whoAmI(cookie)).status).toBe(401)
  })

  it('signs in from the sign-in form: back to a page of this site only, or to the form with the error', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const ok = await seeded.api.request('/api/console/session', form({ email: user.email, password: STAFF_PASSWORD, next: '/en/console/users?x=1', return: '/en/console/sign-in' }))
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/en/console/users?x=1')
    expect(sessionCookieOf(ok)).toBeDefined()
    for (const elsewhere of ['//evil.example/console', '/\\evil.example', 'https://evil.example/', '/.//evil.example']) {
      const response = await seeded.api.request('/api/console/session', form({ email: user.email, password: STAFF_PASSWORD, next: elsewhere }))
      expect(response.headers.get('location')).toBe('/console')
    }
    const wrong = await seeded.api.request('/api/console/session', form({ email: user.email, password: 'wrong', next: '/console', return: '/en/console/sign-in?next=%2Fconsole' }))
    expect(wrong.status).toBe(303)
    expect(wrong.headers.get('location')).toBe('/en/console/sign-in?next=%2Fconsole&error=invalid_credentials')
    expect(sessionCookieOf(wrong)).toBeUndefined()
  })

  it('signs out from a form (POST to ?_method=DELETE) back to the sign-in page', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, user.email)
    const response = await seeded.api.request('/api/console/session?_method=DELETE', form({ return: '/console/sign-in' }, { cookie }))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/console/sign-in?done=signed_out')
    expect((await whoAmI(cookie)).status).toBe(401)
  })

  it('refuses a sign-in or sign-out form posted from another site', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, user.email)
    const signInElsewhere = await seeded.api.request('/api/console/session', form({ email: user.email, password: STAFF_PASSWORD }, { origin: 'https://evil.example' }))
    expect(signInElsewhere.status).toBe(403)
    expect(sessionCookieOf(signInElsewhere)).toBeUndefined()
    const signOutElsewhere = await seeded.api.request('/api/console/session?_method=DELETE', form({}, { origin: 'https://evil.example', cookie }))
    expect(signOutElsewhere.status).toBe(403)
    expect((await whoAmI(cookie)).status).toBe(200)
  })

  it('sets a Secure __Host- cookie when the site is served over https', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const httpsApi = createApi({ ...seeded.api.services, siteUrl: 'https://bundles.example.cn' })
    const response = await httpsApi.request('/api/console/session', { ...signInRequest(user.email, STAFF_PASSWORD), headers: { 'content-type': 'application/json', origin: 'https://bundles.example.cn' } })
    expect(response.status).toBe(200)
    const header = response.headers.getSetCookie()[0]
    expect(header).toMatch(/^__Host-console_session=/)
    expect(header).toMatch(/Secure/)
    const me = await httpsApi.request('/api/console/session', { headers: { cookie: header.split(';')[0] } })
    expect(me.status).toBe(200)
  })

  it('uses the session policy from the settings', () => {
    expect(seeded.api.services.sessionPolicy).toEqual({ idleMinutes: 30, absoluteHours: 12 })
  })
})

describe.each(databaseKinds)('console sign-in limits on %s', (kind) => {
  const seeded = useSeededApi(kind, { limits: { consoleLoginsPerAccount: { points: 3, seconds: 900 }, consoleLogins: { points: 6, seconds: 900 } } })

  it('locks an account after repeated failures (429 with Retry-After), even for the right password', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await seeded.api.request('/api/console/session', signInRequest(user.email, 'wrong password'), '198.51.100.1')).status).toBe(401)
    }
    const locked = await seeded.api.request('/api/console/session', signInRequest(user.email, STAFF_PASSWORD), '198.51.100.2')
    expect(locked.status).toBe(429)
    expect((await locked.json()).error.code).toBe('rate_limited')
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(sessionCookieOf(locked)).toBeUndefined()
  })

  it('locks an address after repeated failures across accounts, and only that address', async () => {
    const users = await Promise.all([1, 2, 3].map(() => createStaff(seeded.api, ['ops'])))
    for (const user of users) {
      for (let attempt = 0; attempt < 2; attempt++) {
        expect((await seeded.api.request('/api/console/session', signInRequest(user.email, 'wrong password'), '203.0.113.9')).status).toBe(401)
      }
    }
    const fresh = await createStaff(seeded.api, ['ops'])
    expect((await seeded.api.request('/api/console/session', signInRequest(fresh.email, STAFF_PASSWORD), '203.0.113.9')).status).toBe(429)
    expect((await seeded.api.request('/api/console/session', signInRequest(fresh.email, STAFF_PASSWORD), '203.0.113.10')).status).toBe(200)
  })

  it('does not count successful sign-ins', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    for (let attempt = 0; attempt < 5; attempt++) await signIn(seeded.api, user.email)
  })
})
