import type { AuditRecord } from '../repositories/audit-repository'

/** What makes someone an author of a draft: starting it, saving a change to it, submitting it. */
const AUTHORING_ACTIONS = new Set(['create', 'edit', 'submit'])

/**
 * Four eyes: whoever wrote any part of a change never decides on it — its creator, and anyone who
 * edited or submitted it (a marketer who also approves cannot approve a colleague's draft they changed).
 */
export function hasAuthored(staffId: string, draft: { authorId: string }, history: readonly AuditRecord[]): boolean {
  return draft.authorId === staffId || history.some((entry) => entry.actor.kind === 'staff' && entry.actor.id === staffId && AUTHORING_ACTIONS.has(entry.action))
}
