import { Hono } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { readInput } from '../../console/forms'
import { changeStaffUser, createStaffUser, resetStaffPassword } from '../../console/staff-admin'
import type { AuditActor } from '../../repositories/audit-repository'
import { listStaffUsers } from '../../repositories/staff-users-repository'
import { createStaffUserSchema, resetPasswordSchema, updateStaffUserSchema } from '../../schemas/console'
import type { Services } from '../../services/services'
import type { Context } from 'hono'

/** Staff accounts, for admins: list, create, change (roles, name, manager link, disabled), reset the password. */
export function usersRoutes(services: Services) {
  const actor = (c: Context<ConsoleEnv>): AuditActor => ({ kind: 'staff', id: staffOf(c).user.id })

  return new Hono<ConsoleEnv>()
    .get('/', allow('admin'), async (c) => c.json({ users: await listStaffUsers(services.db) }))
    .post('/', allow('admin'), async (c) => {
      const created = await createStaffUser(services, actor(c), await readInput(c, createStaffUserSchema))
      c.set('formDone', 'user_created')
      return c.json(created, 201)
    })
    .patch('/:id', allow('admin'), async (c) => {
      const user = await changeStaffUser(services, actor(c), c.req.param('id'), await readInput(c, updateStaffUserSchema))
      c.set('formDone', 'user_changed')
      return c.json(user)
    })
    .post('/:id/password', allow('admin'), async (c) => {
      const reset = await resetStaffPassword(services, actor(c), c.req.param('id'), await readInput(c, resetPasswordSchema))
      c.set('formDone', 'password_reset')
      return c.json(reset)
    })
}
