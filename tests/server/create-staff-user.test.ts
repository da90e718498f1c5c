import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/connect'
import { verifyPassword } from '../../server/console/passwords'
import { findStaffUser } from '../../server/repositories/staff-users-repository'
import { auditOf } from '../../server/repositories/audit-repository'
import { createCliDatabase, type CliDatabase } from '../support/cli-database'
import { runCli } from '../support/cli-process'
import { databaseKinds } from '../support/test-database'

const PASSWORD = 'the first admin password'

/** Runs `npm run console:create-user -- …` (its script, compiled) with the password piped to standard input. */
const createUser = (databaseUrl: string, args: string[], stdin: string) => runCli('create-staff-user', args, { DATABASE_URL: databaseUrl, NODE_ENV: 'production' }, stdin)

describe.each(databaseKinds)('npm run console:create-user on %s', (kind) => {
  let database: CliDatabase
  let handle: DatabaseHandle | undefined

  beforeAll(async () => {
    database = await createCliDatabase(kind, 'staff-cli')
  })
  afterAll(async () => {
    await handle?.close()
    await database.drop()
  })

  it('creates the first admin with the piped password, hashed with argon2id, and audits it as done from the command line', async () => {
    const run = await createUser(database.url, ['--email', 'Boss@Example.cn', '--role', 'admin', '--name', '老板'], `${PASSWORD}\n`)
    expect(run.stderr).toBe('')
    expect(run).toMatchObject({ code: 0, stdout: 'Created boss@example.cn (admin).\n' })
    handle = database.open()
    const row = await handle.db.selectFrom('staff_users').selectAll().where('email', '=', 'boss@example.cn').executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true)
    expect(await findStaffUser(handle.db, row.id)).toMatchObject({ displayName: '老板', roles: ['admin'], disabled: false })
    expect(await auditOf(handle.db, { kind: 'staff_user', id: row.id })).toEqual([expect.objectContaining({ actor: { kind: 'cli', id: null }, action: 'staff_user.created' })])
    // NODE_ENV=production: no demo users besides.
    expect(await handle.db.selectFrom('staff_users').select('email').execute()).toEqual([{ email: 'boss@example.cn' }])
  })

  it('refuses an empty or short password, an unknown role, a taken address, and missing arguments', async () => {
    expect(await createUser(database.url, ['--email', 'a@example.cn', '--role', 'admin'], '\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('password') })
    expect(await createUser(database.url, ['--email', 'a@example.cn', '--role', 'admin'], 'short\n')).toMatchObject({ code: 2, stderr: expect.stringContaining('at least 15 characters') })
    expect(await createUser(database.url, ['--email', 'a@example.cn', '--role', 'root'], `${PASSWORD}\n`)).toMatchObject({ code: 2, stderr: expect.stringContaining('roles') })
    expect(await createUser(database.url, ['--email', 'boss@example.cn', '--role', 'ops'], `${PASSWORD}\n`)).toMatchObject({ code: 1, stderr: expect.stringContaining('already an account') })
    expect(await createUser(database.url, ['--role', 'ops'], `${PASSWORD}\n`)).toMatchObject({ code: 2, stderr: expect.stringContaining('usage') })
  })
})
