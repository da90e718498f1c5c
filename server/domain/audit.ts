/**
 * Who did something recorded in the audit log: a signed-in staff user, the system itself (payments,
 * scheduled jobs), or an operator at the server's command line (e.g. creating the first admin).
 */
export const auditActorKinds = ['staff', 'system', 'cli'] as const

export type AuditActorKind = (typeof auditActorKinds)[number]

/** What an audit row is about; the subject's id is in the row beside it. */
export const auditSubjectKinds = ['staff_user', 'order'] as const

export type AuditSubjectKind = (typeof auditSubjectKinds)[number]
