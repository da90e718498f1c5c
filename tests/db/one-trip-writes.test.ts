import { describe, expect, it } from 'vitest'
import { writeInOneTrip, writeInOneTripClaiming } from '../../server/repositories/one-trip-writes'
import { useLoggedSeededDatabase } from '../support/logged-database'
import { databaseKinds } from '../support/test-database'

const AT = '2026-11-22T03:00:00.000Z'

describe.each(databaseKinds)('writes sent together on %s', (kind) => {
  const { database, db, statements } = useLoggedSeededDatabase(kind)

  it('writes a row and one referring to it together: one statement on PostgreSQL, one each on SQLite', async () => {
    const audit = { at: AT, actor_kind: 'system' as const, actor_id: null, action: 'test', subject_kind: 'order' as const, before_json: null, after_json: null, reason: null }
    statements.length = 0
    await db().transaction().execute((trx) =>
      writeInOneTrip(trx, [
        trx.insertInto('audit_log').values({ ...audit, id: 'audit-one-trip-1', subject_id: 'a' }),
        trx.insertInto('audit_log').values({ ...audit, id: 'audit-one-trip-2', subject_id: 'b' }),
        trx.insertInto('order_search_backlog').values({ order_id: 'no-such-order', queued_at: AT }),
      ]),
    )
    const written = statements.filter((statement) => !/^(begin|commit)/i.test(statement))
    expect(written).toHaveLength(kind === 'postgres' ? 1 : 3)
    const rows = await database().db.selectFrom('audit_log').select('subject_id').where('id', 'like', 'audit-one-trip-%').orderBy('id').execute()
    expect(rows.map((row) => row.subject_id)).toEqual(['a', 'b'])
    expect(await database().db.selectFrom('order_search_backlog').select('order_id').where('order_id', '=', 'no-such-order').execute()).toHaveLength(1)
  })

  it('checks a foreign key against a row written beside it, and a write that fails takes the others with it', async () => {
    const user = (id: string) => ({ id, email: `${id}@example.com`, display_name: id, password_hash: 'x', manager_id: null, created_at: AT, updated_at: AT })
    const rolesOf = async (id: string) => (await database().db.selectFrom('staff_user_roles').select('role').where('user_id', '=', id).execute()).map((row) => row.role)
    await db().transaction().execute((trx) =>
      writeInOneTrip(trx, [trx.insertInto('staff_users').values(user('one-trip-user')), trx.insertInto('staff_user_roles').values({ user_id: 'one-trip-user', role: 'ops' })]),
    )
    expect(await rolesOf('one-trip-user')).toEqual(['ops'])
    // A role of nobody, beside a new user: the foreign key refuses it, and the user is not written either.
    await expect(
      db().transaction().execute((trx) =>
        writeInOneTrip(trx, [trx.insertInto('staff_users').values(user('one-trip-refused')), trx.insertInto('staff_user_roles').values({ user_id: 'nobody', role: 'ops' })]),
      ),
    ).rejects.toThrow(/foreign key/i)
    expect(await database().db.selectFrom('staff_users').select('id').where('id', '=', 'one-trip-refused').execute()).toEqual([])
  })

  it('claims a row with the writes, answering whether it did: one statement on PostgreSQL', async () => {
    const audit = { at: AT, actor_kind: 'system' as const, actor_id: null, action: 'test', subject_kind: 'order' as const, before_json: null, after_json: null, reason: null }
    await database().db.insertInto('order_search_backlog').values({ order_id: 'claim-target', queued_at: AT }).execute()
    const claimWith = (id: string) =>
      db().transaction().execute((trx) =>
        writeInOneTripClaiming(
          trx,
          [trx.insertInto('audit_log').values({ ...audit, id, subject_id: id })],
          trx.updateTable('order_search_backlog').set({ queued_at: id }).where('order_id', '=', 'claim-target').where('queued_at', '=', AT).returning('order_id'),
        ),
      )
    statements.length = 0
    expect(await claimWith('audit-claim-1')).toBe(true)
    expect(statements.filter((statement) => !/^(begin|commit)/i.test(statement))).toHaveLength(kind === 'postgres' ? 1 : 2)
    // Claimed already: the second changes no row, and says so (its caller rolls back what it wrote).
    expect(await claimWith('audit-claim-2')).toBe(false)
    expect(await database().db.selectFrom('order_search_backlog').select('queued_at').where('order_id', '=', 'claim-target').executeTakeFirstOrThrow()).toEqual({ queued_at: 'audit-claim-1' })
  })
})
