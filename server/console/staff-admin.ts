import { randomUUID } from 'node:crypto'
import type { StaffRole } from '../domain/staff-roles'
import { AppError } from '../errors'
import { recordAudit, type AuditActor } from '../repositories/audit-repository'
import { deleteSessionsOfUser } from '../repositories/staff-sessions-repository'
import { findStaffUser, insertStaffUser, managerExists, replaceStaffRoles, updateStaffUser, type StaffUser } from '../repositories/staff-users-repository'
import type { CreateStaffUser, ResetPassword, UpdateStaffUser } from '../schemas/console'
import { isUniqueViolation } from '../services/database-errors'
import type { Services } from '../services/services'
import { generatePassword, hashPassword } from './passwords'

type Db = Services['db']

/** What the audit log keeps of a user: never the password hash. */
const auditView = (user: StaffUser) => ({ email: user.email, displayName: user.displayName, roles: user.roles, managerId: user.managerId, disabled: user.disabled })

/** A manager sees the buildings of one building_managers row: the role needs that link, and the link must exist. */
async function checkManagerLink(db: Db, roles: StaffRole[], managerId: string | null): Promise<void> {
  if (roles.includes('manager') && !managerId) {
    throw new AppError('invalid_request', 'A manager must be linked to a building manager.', [{ path: 'managerId', message: 'required for the manager role' }])
  }
  if (managerId && !(await managerExists(db, managerId))) throw new AppError('manager_not_found', `There is no building manager ${managerId}.`)
}

async function existingUser(db: Db, id: string): Promise<StaffUser> {
  const user = await findStaffUser(db, id)
  if (!user) throw new AppError('staff_user_not_found', `There is no staff user ${id}.`)
  return user
}

/** A new account; without a chosen password one is generated and returned, to be handed over once. */
export async function createStaffUser(services: Services, actor: AuditActor, input: CreateStaffUser): Promise<{ user: StaffUser; generatedPassword?: string }> {
  const managerId = input.managerId ?? null
  await checkManagerLink(services.db, input.roles, managerId)
  const generatedPassword = input.password === undefined ? generatePassword() : undefined
  const passwordHash = await hashPassword(input.password ?? generatedPassword!)
  const id = randomUUID()
  const now = services.now()
  try {
    const user = await services.db.transaction().execute(async (trx) => {
      await insertStaffUser(trx, { id, email: input.email, displayName: input.displayName, passwordHash, managerId, roles: [...new Set(input.roles)] }, now)
      const created = (await findStaffUser(trx, id))!
      await recordAudit(trx, { actor, action: 'staff_user.created', subject: { kind: 'staff_user', id }, after: auditView(created) }, now)
      return created
    })
    return { user, ...(generatedPassword ? { generatedPassword } : {}) }
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_taken', `There is already an account for ${input.email}.`)
    throw error
  }
}

/**
 * Name, roles, manager link, disabled. Disabling ends the user's sessions in the same transaction;
 * an admin may not disable themselves or drop their own admin role (someone must be left to undo it).
 */
export async function changeStaffUser(services: Services, actor: AuditActor, id: string, changes: UpdateStaffUser): Promise<StaffUser> {
  const before = await existingUser(services.db, id)
  if (actor.id === id && (changes.disabled === true || (changes.roles && !changes.roles.includes('admin')))) {
    throw new AppError('own_admin_access', 'You cannot disable your own account or remove your own admin role.')
  }
  const roles = changes.roles ? [...new Set(changes.roles)] : before.roles
  await checkManagerLink(services.db, roles, changes.managerId !== undefined ? changes.managerId : before.managerId)
  const now = services.now()
  return services.db.transaction().execute(async (trx) => {
    await updateStaffUser(trx, id, { displayName: changes.displayName, managerId: changes.managerId, disabled: changes.disabled }, now)
    if (changes.roles) await replaceStaffRoles(trx, id, roles, now)
    if (changes.disabled) await deleteSessionsOfUser(trx, id)
    const after = (await findStaffUser(trx, id))!
    await recordAudit(trx, { actor, action: 'staff_user.changed', subject: { kind: 'staff_user', id }, before: auditView(before), after: auditView(after) }, now)
    return after
  })
}

/** A new password (chosen, or generated and returned once); the user's open sessions end with the old one. */
export async function resetStaffPassword(services: Services, actor: AuditActor, id: string, input: ResetPassword): Promise<{ generatedPassword?: string }> {
  await existingUser(services.db, id)
  const generatedPassword = input.password === undefined ? generatePassword() : undefined
  const passwordHash = await hashPassword(input.password ?? generatedPassword!)
  const now = services.now()
  await services.db.transaction().execute(async (trx) => {
    await updateStaffUser(trx, id, { passwordHash }, now)
    await deleteSessionsOfUser(trx, id)
    await recordAudit(trx, { actor, action: 'staff_user.password_reset', subject: { kind: 'staff_user', id } }, now)
  })
  return generatedPassword ? { generatedPassword } : {}
}
