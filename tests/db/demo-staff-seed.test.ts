import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoStaff, seedDemoStaff } from '../../db/seed/demo-staff'
import { createSeededDatabase, databaseKinds, SEED_TIME, type TestDatabase } from '../support/test-database'

// Server processes started together (WORKERS, or two behind nginx) each add the demo users on start.
describe.each(databaseKinds)('demo console users added by processes starting together, on %s', (kind) => {
  let database: TestDatabase
  beforeAll(async () => {
    // The seed's buildings and their managers, whom a demo user is linked to.
    database = await createSeededDatabase(kind)
  })
  afterAll(async () => {
    await database?.drop()
  })

  it('adds each user once with its roles, and neither start fails', async () => {
    await Promise.all([seedDemoStaff(database.db, SEED_TIME), seedDemoStaff(database.db, SEED_TIME), seedDemoStaff(database.db, SEED_TIME)])
    const users = await database.db.selectFrom('staff_users').select(['id', 'email']).orderBy('email').execute()
    expect(users.map((user) => user.email)).toEqual(demoStaff.map((user) => user.email).sort())
    const roles = await database.db.selectFrom('staff_user_roles').select(['user_id', 'role']).execute()
    expect(roles).toHaveLength(demoStaff.length)
    expect(new Set(roles.map((row) => row.user_id))).toEqual(new Set(users.map((user) => user.id)))
  })
})
