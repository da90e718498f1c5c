/**
 * The staff console's roles: one vocabulary for the database types, the API's schemas and the pages.
 * A user may hold several. `manager` sees only the buildings of the building manager the user is
 * linked to; `approver` signs off catalog changes (catalog issue).
 */
export const staffRoles = ['admin', 'ops', 'manager', 'marketing', 'approver'] as const

export type StaffRole = (typeof staffRoles)[number]

export const isStaffRole = (value: string): value is StaffRole => (staffRoles as readonly string[]).includes(value)
