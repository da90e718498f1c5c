import { beforeAll, describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import { STAFF_PASSWORD, asStaff, createStaff, signIn, signInRequest } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('staff accounts in the console API on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let admin: { id: string; cookie: string }

  beforeAll(async () => {
    const user = await createStaff(seeded.api, ['admin'])
    admin = { id: user.id, cookie: await signIn(seeded.api, user.email) }
  })

  const asAdmin = (path: string, method = 'GET', body?: unknown) => seeded.api.request(path, asStaff(admin.cookie, method, body))
  const whoAmI = (cookie: string) => seeded.api.request('/api/console/session', asStaff(cookie))

  it('creates a user with a generated password shown once, who can then sign in; the audit log records it', async () => {
    const response = await asAdmin('/api/console/users', 'POST', { email: ' New.Ops@Example.com ', displayName: '新运营', roles: ['ops'] })
    expect(response.status).toBe(201)
    const { user, generatedPassword } = await response.json()
    expect(user).toMatchObject({ email: 'new.ops@example.com', displayName: '新运营', roles: ['ops'], disabled: false })
    expect(generatedPassword).toMatch(/^[\w-]{20}$/)
    await signIn(seeded.api, 'new.ops@example.com', generatedPassword)
    const listed = await (await asAdmin('/api/console/users')).json()
    expect(listed.users.map((listedUser: { email: string }) => listedUser.email)).toContain('new.ops@example.com')
    expect(JSON.stringify(listed)).not.toMatch(/argon2|password/i)
    const audit = await auditOf(seeded.database.db, { kind: 'staff_user', id: user.id })
    expect(audit).toEqual([expect.objectContaining({ actor: { kind: 'staff', id: admin.id }, action: 'staff_user.created', before: null, after: expect.objectContaining({ roles: ['ops'] }) })])
    expect(JSON.stringify(audit)).not.toContain(generatedPassword)
  })

  it('refuses a second account for the same address, a short password, a manager without a building manager, and an unknown building manager', async () => {
    const existing = await createStaff(seeded.api, ['ops'])
    const duplicate = await asAdmin('/api/console/users', 'POST', { email: existing.email.toUpperCase(), displayName: 'x', roles: ['ops'] })
    expect(duplicate.status).toBe(409)
    expect((await duplicate.json()).error.code).toBe('email_taken')
    const short = await asAdmin('/api/console/users', 'POST', { email: 'short@staff.test', displayName: 'x', roles: ['ops'], password: 'too short' })
    expect(short.status).toBe(400)
    expect((await short.json()).error.issues[0].path).toBe('password')
    const unlinked = await asAdmin('/api/console/users', 'POST', { email: 'mgr@staff.test', displayName: 'x', roles: ['manager'] })
    expect((await unlinked.json()).error.issues[0].path).toBe('managerId')
    const unknown = await asAdmin('/api/console/users', 'POST', { email: 'mgr@staff.test', displayName: 'x', roles: ['manager'], managerId: 'mgr-nobody' })
    expect((await unknown.json()).error.code).toBe('manager_not_found')
  })

  it('gives a manager the buildings of their building manager only', async () => {
    const manager = await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })
    const own = await seeded.database.db.selectFrom('buildings').select('id').where('manager_id', '=', 'mgr-lujiazui-wang').orderBy('id').execute()
    expect(own.length).toBeGreaterThan(0)
    const identity = await (await whoAmI(await signIn(seeded.api, manager.email))).json()
    expect(identity.buildingIds).toEqual(own.map((building) => building.id))
    const marketing = await createStaff(seeded.api, ['marketing'])
    expect((await (await whoAmI(await signIn(seeded.api, marketing.email))).json()).buildingIds).toBe('all')
  })

  it('changes roles (the next request already sees them) and records before and after', async () => {
    const user = await createStaff(seeded.api, ['marketing'])
    const cookie = await signIn(seeded.api, user.email)
    expect((await seeded.api.request('/api/console/users', asStaff(cookie))).status).toBe(403)
    const changed = await asAdmin(`/api/console/users/${user.id}`, 'PATCH', { roles: ['marketing', 'admin'] })
    expect(changed.status).toBe(200)
    expect((await changed.json()).roles).toEqual(['admin', 'marketing'])
    expect((await seeded.api.request('/api/console/users', asStaff(cookie))).status).toBe(200)
    const [entry] = await auditOf(seeded.database.db, { kind: 'staff_user', id: user.id }).then((rows) => rows.filter((row) => row.action === 'staff_user.changed'))
    expect(entry).toMatchObject({ before: { roles: ['marketing'] }, after: { roles: ['admin', 'marketing'] } })
  })

  it('disabling a user ends their sessions and refuses their sign-in; enabling lets them back in', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const cookies = [await signIn(seeded.api, user.email), await signIn(seeded.api, user.email)]
    expect((await asAdmin(`/api/console/users/${user.id}`, 'PATCH', { disabled: true })).status).toBe(200)
    for (const cookie of cookies) expect((await whoAmI(cookie)).status).toBe(401)
    expect(await seeded.database.db.selectFrom('staff_sessions').select('id_hash').where('user_id', '=', user.id).execute()).toEqual([])
    expect((await seeded.api.request('/api/console/session', signInRequest(user.email, STAFF_PASSWORD))).status).toBe(401)
    expect((await asAdmin(`/api/console/users/${user.id}`, 'PATCH', { disabled: false })).status).toBe(200)
    await signIn(seeded.api, user.email)
  })

  it('resets a password: the old one stops working and open sessions end', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const cookie = await signIn(seeded.api, user.email)
    const reset = await asAdmin(`/api/console/users/${user.id}/password`, 'POST', { password: 'a brand new long password' })
    expect(reset.status).toBe(200)
    expect(await reset.json()).toEqual({})
    expect((await whoAmI(cookie)).status).toBe(401)
    expect((await seeded.api.request('/api/console/session', signInRequest(user.email, STAFF_PASSWORD))).status).toBe(401)
    await signIn(seeded.api, user.email, 'a brand new long password')
  })

  it('will not let an admin disable themselves or drop their own admin role', async () => {
    for (const change of [{ disabled: true }, { roles: ['ops'] }]) {
      const response = await asAdmin(`/api/console/users/${admin.id}`, 'PATCH', change)
      expect(response.status).toBe(422)
      expect((await response.json()).error.code).toBe('own_admin_access')
    }
    expect((await whoAmI(admin.cookie)).status).toBe(200)
  })

  it('works from the users page forms: PATCH as POST with ?_method=PATCH, answers by redirect with done or error', async () => {
    const user = await createStaff(seeded.api, ['ops'])
    const post = (path: string, fields: [string, string][]) =>
      seeded.api.request(path, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) })
    const changed = await post(`/api/console/users/${user.id}?_method=PATCH`, [['roles', 'ops'], ['roles', 'approver'], ['return', '/en/console/users']])
    expect(changed.status).toBe(303)
    expect(changed.headers.get('location')).toBe('/en/console/users?done=user_changed')
    const created = await post('/api/console/users', [['email', 'form@staff.test'], ['displayName', 'Form'], ['roles', 'marketing'], ['managerId', ''], ['password', 'a long enough password'], ['return', '/console/users?done=x']])
    expect(created.headers.get('location')).toBe('/console/users?done=user_created')
    const refused = await post('/api/console/users', [['email', 'form@staff.test'], ['displayName', 'Form'], ['roles', 'marketing'], ['return', '/console/users']])
    expect(refused.headers.get('location')).toBe('/console/users?error=email_taken')
    const listed = (await (await asAdmin('/api/console/users')).json()).users as { email: string; roles: string[] }[]
    expect(listed.find((listedUser) => listedUser.email === user.email)?.roles).toEqual(['approver', 'ops'])
  })
})
