import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export interface StaffSessionRow {
  userId: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  disabled: boolean
}

export async function insertStaffSession(db: Db, session: { idHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  const at = session.now.toISOString()
  await db
    .insertInto('staff_sessions')
    .values({ id_hash: session.idHash, user_id: session.userId, created_at: at, last_seen_at: at, expires_at: session.expiresAt.toISOString() })
    .execute()
}

export async function findStaffSession(db: Db, idHash: string): Promise<StaffSessionRow | undefined> {
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
    .select(['staff_sessions.user_id', 'staff_sessions.created_at', 'staff_sessions.last_seen_at', 'staff_sessions.expires_at', 'staff_users.disabled'])
    .where('staff_sessions.id_hash', '=', idHash)
    .executeTakeFirst()
  return row && { userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, disabled: row.disabled === 1 }
}

export async function touchStaffSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute()
}

export async function deleteStaffSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute()
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute()
}

/** Sessions past their absolute expiry are removed when someone signs in (idle ones when next seen). */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now.toISOString()).execute()
}
