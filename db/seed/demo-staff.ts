import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { hashPassword } from '../../server/console/passwords'
import type { StaffRole } from '../../server/domain/staff-roles'
import { insertStaffUserUnlessEmailTaken } from '../../server/repositories/staff-users-repository'
import type { Database } from '../schema'

/** The password of every demo console user (README); never seeded when NODE_ENV is production. */
export const DEMO_STAFF_PASSWORD = 'console-demo-2026'

/** One demo user per role; the manager sees the Lujiazui manager's buildings. */
export const demoStaff: { email: string; displayName: string; roles: StaffRole[]; managerId: string | null }[] = [
  { email: 'admin@example.com', displayName: '演示管理员 Demo admin', roles: ['admin'], managerId: null },
  { email: 'ops@example.com', displayName: '演示运营 Demo ops', roles: ['ops'], managerId: null },
  { email: 'manager@example.com', displayName: '王静 Wang Jing', roles: ['manager'], managerId: 'mgr-lujiazui-wang' },
  { email: 'marketing@example.com', displayName: '演示市场 Demo marketing', roles: ['marketing'], managerId: null },
  { email: 'approver@example.com', displayName: '演示审批 Demo approver', roles: ['approver'], managerId: null },
]

/** Idempotent, also when processes start together: adds the missing demo users, leaves existing ones (and their passwords) alone. */
export async function seedDemoStaff(db: Kysely<Database>, now: Date): Promise<void> {
  const existing = new Set((await db.selectFrom('staff_users').select('email').execute()).map((row) => row.email))
  const missing = demoStaff.filter((user) => !existing.has(user.email))
  if (missing.length === 0) return
  const passwordHash = await hashPassword(DEMO_STAFF_PASSWORD)
  await db.transaction().execute(async (trx) => {
    for (const user of missing) await insertStaffUserUnlessEmailTaken(trx, { id: randomUUID(), passwordHash, ...user }, now)
  })
}
