import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { AuditActorKind, AuditSubjectKind } from '../domain/audit'
import { timeOrderedId } from '../domain/time-ordered-id'

type Db = Kysely<Database> | Transaction<Database>

export interface AuditActor {
  kind: AuditActorKind
  /** The staff user, for kind `staff`. */
  id: string | null
}

export interface AuditEntry {
  actor: AuditActor
  action: string
  subject: { kind: AuditSubjectKind; id: string }
  before?: unknown
  after?: unknown
  reason?: string
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'reason'>> {
  at: string
  reason: string | null
}

/** One audit row; callers write it in the same transaction as the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  await auditInsert(db, entry, now).execute()
}

/** The insert of one audit row, built and not yet run: for a caller that writes it with others in one trip. */
export function auditInsert(db: Db, entry: AuditEntry, now: Date) {
  return db.insertInto('audit_log').values({
    // Sorts by when it was written: rows of one instant keep their order (auditOf orders by at, id).
    id: timeOrderedId(),
    at: now.toISOString(),
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    action: entry.action,
    subject_kind: entry.subject.kind,
    subject_id: entry.subject.id,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    reason: entry.reason ?? null,
  })
}

/** A subject's history, oldest first. */
export async function auditOf(db: Db, subject: AuditEntry['subject']): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id },
    action: row.action,
    subject: { kind: row.subject_kind, id: row.subject_id },
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    reason: row.reason,
  }))
}
