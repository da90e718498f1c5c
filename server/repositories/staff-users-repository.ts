import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { StaffRole } from '../domain/staff-roles'

type Db = Kysely<Database> | Transaction<Database>

export interface StaffUser {
  id: string
  email: string
  displayName: string
  managerId: string | null
  disabled: boolean
  roles: StaffRole[]
  createdAt: string
}

export interface StaffCredentials {
  id: string
  passwordHash: string
  disabled: boolean
}

const columns = ['id', 'email', 'display_name', 'manager_id', 'disabled', 'created_at'] as const

type UserRow = Selectable<Pick<Database['staff_users'], (typeof columns)[number]>>

async function withRoles(db: Db, rows: UserRow[]): Promise<StaffUser[]> {
  if (rows.length === 0) return []
  const roles = await db
    .selectFrom('staff_user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('role')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    managerId: row.manager_id,
    disabled: row.disabled === 1,
    roles: roles.filter((role) => role.user_id === row.id).map((role) => role.role),
    createdAt: row.created_at,
  }))
}

export async function listStaffUsers(db: Db): Promise<StaffUser[]> {
  return withRoles(db, await db.selectFrom('staff_users').select(columns).orderBy('email').execute())
}

export async function findStaffUser(db: Db, id: string): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('staff_users').select(columns).where('id', '=', id).executeTakeFirst()
  return row ? (await withRoles(db, [row]))[0] : undefined
}

/** Display names by id, for showing who did what (ids that name no one are left out). */
export async function staffDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('staff_users').select(['id', 'display_name']).where('id', 'in', unique).execute()
  return new Map(rows.map((row) => [row.id, row.display_name]))
}

/** For signing in: e-mail addresses are stored lower-cased, so the caller passes one lower-cased too. */
export async function findCredentialsByEmail(db: Db, email: string): Promise<StaffCredentials | undefined> {
  const row = await db.selectFrom('staff_users').select(['id', 'password_hash', 'disabled']).where('email', '=', email).executeTakeFirst()
  return row && { id: row.id, passwordHash: row.password_hash, disabled: row.disabled === 1 }
}

type NewStaffUser = { id: string; email: string; displayName: string; passwordHash: string; managerId: string | null; roles: StaffRole[] }

const staffUserRow = (user: NewStaffUser, at: string) => ({
  id: user.id, email: user.email, display_name: user.displayName, password_hash: user.passwordHash, manager_id: user.managerId, created_at: at, updated_at: at,
})

/** Fails with a unique violation when the e-mail address has an account already. */
export async function insertStaffUser(db: Db, user: NewStaffUser, now: Date): Promise<void> {
  await db.insertInto('staff_users').values(staffUserRow(user, now.toISOString())).execute()
  await insertRoles(db, user.id, user.roles)
}

/**
 * Leaves an existing account alone and says whether it added this one: server processes starting
 * together each add the demo users, and the second must not fail on the first's rows.
 */
export async function insertStaffUserUnlessEmailTaken(db: Db, user: NewStaffUser, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('staff_users')
    .values(staffUserRow(user, now.toISOString()))
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) await insertRoles(db, user.id, user.roles)
  return inserted !== undefined
}

async function insertRoles(db: Db, userId: string, roles: StaffRole[]): Promise<void> {
  if (roles.length > 0) await db.insertInto('staff_user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute()
}

export async function replaceStaffRoles(db: Db, userId: string, roles: StaffRole[], now: Date): Promise<void> {
  await db.deleteFrom('staff_user_roles').where('user_id', '=', userId).execute()
  await insertRoles(db, userId, roles)
  await touchStaffUser(db, userId, now)
}

export async function updateStaffUser(
  db: Db,
  userId: string,
  changes: Partial<{ displayName: string; managerId: string | null; disabled: boolean; passwordHash: string }>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.managerId !== undefined ? { manager_id: changes.managerId } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .execute()
}

const touchStaffUser = (db: Db, userId: string, now: Date) => updateStaffUser(db, userId, {}, now)

/** The buildings a manager user looks after: those of their building_managers row. */
export async function managedBuildingIds(db: Db, managerId: string): Promise<string[]> {
  const rows = await db.selectFrom('buildings').select('id').where('manager_id', '=', managerId).orderBy('id').execute()
  return rows.map((row) => row.id)
}

export async function managerExists(db: Db, managerId: string): Promise<boolean> {
  return (await db.selectFrom('building_managers').select('id').where('id', '=', managerId).executeTakeFirst()) !== undefined
}

/** Who a manager user can be linked to, for the users page. */
export async function listBuildingManagers(db: Db): Promise<{ id: string; name: string; nameEn: string; district: string }[]> {
  const rows = await db.selectFrom('building_managers').select(['id', 'name', 'name_en', 'district']).orderBy('district').orderBy('id').execute()
  return rows.map((row) => ({ id: row.id, name: row.name, nameEn: row.name_en, district: row.district }))
}
