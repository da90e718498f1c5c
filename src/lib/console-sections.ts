import type { StaffRole } from '../../server/domain/staff-roles'

/**
 * The console's sections and the roles each is for: the navigation shows a role only its own
 * sections, and a page checks the same list. Sections still being built show as "coming soon" (no link).
 */
export const consoleSections = {
  orders: { path: '/console/orders', roles: ['ops', 'admin', 'manager'], ready: true },
  leads: { path: '/console/leads', roles: ['ops', 'admin', 'manager', 'marketing'], ready: true },
  buildings: { path: '/console/buildings', roles: ['ops', 'admin', 'manager', 'marketing'], ready: true },
  offerCodes: { path: '/console/offer-codes', roles: ['manager', 'marketing', 'admin'], ready: true },
  assistedQuotes: { path: '/console/assisted-quotes', roles: ['manager', 'ops', 'admin'], ready: true },
  emailVisits: { path: '/console/email-visits', roles: ['manager', 'marketing', 'admin'], ready: true },
  campaigns: { path: '/console/campaigns', roles: ['marketing', 'admin', 'manager'], ready: true },
  catalog: { path: '/console/catalog', roles: ['approver', 'marketing', 'admin'], ready: true },
  users: { path: '/console/users', roles: ['admin'], ready: true },
} as const satisfies Record<string, { path: string; roles: readonly StaffRole[]; ready: boolean }>

export type ConsoleSection = keyof typeof consoleSections

export const sectionsFor = (roles: readonly StaffRole[]): ConsoleSection[] =>
  (Object.keys(consoleSections) as ConsoleSection[]).filter((section) => consoleSections[section].roles.some((role) => roles.includes(role)))
