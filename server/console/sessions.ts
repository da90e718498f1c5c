import { createHash, randomBytes } from 'node:crypto'
import type { StaffRole } from '../domain/staff-roles'
import { deleteExpiredSessions, deleteStaffSession, findStaffSession, insertStaffSession, touchStaffSession } from '../repositories/staff-sessions-repository'
import { findStaffUser, managedBuildingIds, type StaffUser } from '../repositories/staff-users-repository'
import type { Services } from '../services/services'

/** Who is signed in, as every console route and page sees it. */
export interface StaffIdentity {
  user: Pick<StaffUser, 'id' | 'email' | 'displayName' | 'managerId'>
  roles: StaffRole[]
  /** The buildings whose orders and leads this user may see: all, or a manager's own. */
  buildingIds: 'all' | string[]
}

/** Last-seen is written at most this often: a page with many requests does not write on each. */
const TOUCH_EVERY_MS = 60_000

const hashSessionId = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex')

/** A new session with a fresh random id (256 bits); only its hash is stored. */
export async function startSession(services: Services, userId: string): Promise<{ sessionId: string; expiresAt: Date }> {
  const now = services.now()
  const sessionId = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + services.sessionPolicy.absoluteHours * 3_600_000)
  await deleteExpiredSessions(services.db, now)
  await insertStaffSession(services.db, { idHash: hashSessionId(sessionId), userId, now, expiresAt })
  return { sessionId, expiresAt }
}

export async function endSession(services: Services, sessionId: string): Promise<void> {
  await deleteStaffSession(services.db, hashSessionId(sessionId))
}

/**
 * The identity behind a session id, or undefined when there is none: unknown, past its absolute
 * expiry, idle too long, or its user disabled. A dead session is deleted on sight.
 */
export async function identityOfSession(services: Services, sessionId: string | undefined): Promise<StaffIdentity | undefined> {
  if (!sessionId) return undefined
  const idHash = hashSessionId(sessionId)
  const session = await findStaffSession(services.db, idHash)
  if (!session) return undefined
  const now = services.now().getTime()
  const lastSeen = Date.parse(session.lastSeenAt)
  const idle = now - lastSeen >= services.sessionPolicy.idleMinutes * 60_000
  if (session.disabled || idle || now >= Date.parse(session.expiresAt)) {
    await deleteStaffSession(services.db, idHash)
    return undefined
  }
  if (now - lastSeen >= TOUCH_EVERY_MS) await touchStaffSession(services.db, idHash, services.now())
  const user = await findStaffUser(services.db, session.userId)
  if (!user) return undefined
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, managerId: user.managerId },
    roles: user.roles,
    buildingIds: await buildingScope(services, user),
  }
}

/**
 * Admins, operations and marketing see every building (what each may do there is the routes' role
 * rules: marketing sees no orders); a manager only their own; anyone else none.
 */
async function buildingScope(services: Services, user: StaffUser): Promise<StaffIdentity['buildingIds']> {
  if (user.roles.includes('admin') || user.roles.includes('ops') || user.roles.includes('marketing')) return 'all'
  if (user.roles.includes('manager') && user.managerId) return managedBuildingIds(services.db, user.managerId)
  return []
}
