/**
 * Who did something recorded in the audit log: a signed-in staff user, the customer (placing or
 * paying an order), Stripe (its payment events), the system itself (scheduled jobs), or an operator
 * at the server's command line (e.g. creating the first admin, recording a transfer).
 */
export const auditActorKinds = ['staff', 'customer', 'stripe', 'system', 'cli'] as const

export type AuditActorKind = (typeof auditActorKinds)[number]

/** What an audit row is about; the subject's id is in the row beside it. */
export const auditSubjectKinds = ['staff_user', 'order', 'lead', 'offer_code', 'quote', 'building', 'tenant', 'campaign', 'email_visit', 'catalog_draft', 'catalog_release'] as const

export type AuditSubjectKind = (typeof auditSubjectKinds)[number]
