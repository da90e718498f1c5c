import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../console/passwords'
import { staffRoles } from '../domain/staff-roles'
import { collapseSpaces, line } from './text'

/*
 * The staff console's requests. The console's pages post plain HTML forms to the same routes, so
 * every field also accepts its form spelling: one checkbox value or several, "true"/"false", and ""
 * for "none".
 */

const email = line().trim().toLowerCase().pipe(z.email('an e-mail address, e.g. ops@example.com').max(254))

/** Any password may be tried at sign-in (only its length is bounded); new ones must be long. */
const newPassword = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH)

const roles = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.enum(staffRoles)).min(1, 'at least one role'))

/** A name as typed or pasted: a tab or a run of spaces is one space, none at either end. */
const displayName = z.preprocess((value) => (typeof value === 'string' ? collapseSpaces(value) : value), line().min(1).max(80))

const managerId = z.preprocess((value) => (value === '' ? null : value), line().max(64).nullable())

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])

/** An admin's choice: a password of their own, or none for one generated and shown once. */
const optionalPassword = z.preprocess((value) => (value === '' ? undefined : value), newPassword.optional())

export const signInSchema = z.strictObject({
  email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
})

export const createStaffUserSchema = z.strictObject({
  email,
  displayName,
  roles,
  managerId: managerId.optional(),
  password: optionalPassword,
})

export const updateStaffUserSchema = z
  .strictObject({ displayName: displayName.optional(), roles: roles.optional(), managerId: managerId.optional(), disabled: flag.optional() })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), 'nothing to change')

export const resetPasswordSchema = z.strictObject({ password: optionalPassword })

export type SignIn = z.infer<typeof signInSchema>
export type CreateStaffUser = z.infer<typeof createStaffUserSchema>
export type UpdateStaffUser = z.infer<typeof updateStaffUserSchema>
export type ResetPassword = z.infer<typeof resetPasswordSchema>
