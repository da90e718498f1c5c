import type { Defaulted } from './columns'
import type { AuditActorKind, AuditSubjectKind } from '../../server/domain/audit'
import type { StaffRole } from '../../server/domain/staff-roles'

/** Staff accounts, their sessions and the audit log of what anyone did. */
export interface StaffTables {
  staff_users: {
    id: string
    email: string
    display_name: string
    /** argon2id, in its PHC string form (algorithm, parameters and salt included). */
    password_hash: string
    /** For a manager: the building_managers row whose buildings they see. */
    manager_id: string | null
    disabled: Defaulted<0 | 1>
    created_at: string
    updated_at: string
  }
  staff_user_roles: { user_id: string; role: StaffRole }
  /** `id_hash` is the SHA-256 of the session id in the cookie; the id itself is never stored. */
  staff_sessions: { id_hash: string; user_id: string; created_at: string; last_seen_at: string; expires_at: string }
  audit_log: {
    id: string
    at: string
    actor_kind: AuditActorKind
    /** The staff user, when actor_kind is `staff`. */
    actor_id: string | null
    /** What was done, namespaced by subject, e.g. `staff_user.roles_changed`. */
    action: string
    subject_kind: AuditSubjectKind
    subject_id: string
    before_json: string | null
    after_json: string | null
    reason: string | null
  }
}
