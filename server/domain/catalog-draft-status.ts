/**
 * A price-book change's life as a transition table (issue 14): marketing writes a draft and submits it;
 * an approver (never its author) approves it, sends it back with comments, or rejects it. A draft sent
 * back is edited and submitted again. Approved, rejected and discarded are terminal, so a stale page or
 * a repeated command cannot move a decision backwards.
 */
export const catalogDraftTransitions = {
  draft: ['submitted', 'discarded'],
  submitted: ['approved', 'sent_back', 'rejected'],
  sent_back: ['submitted', 'discarded'],
  approved: [],
  rejected: [],
  discarded: [],
} as const satisfies Record<string, readonly string[]>

export type CatalogDraftStatus = keyof typeof catalogDraftTransitions

export const catalogDraftStatuses = Object.keys(catalogDraftTransitions) as CatalogDraftStatus[]

/** The statuses whose book may still change: the author's own, and one an approver returned. */
export const editableDraftStatuses = ['draft', 'sent_back'] as const satisfies readonly CatalogDraftStatus[]

export const isCatalogDraftStatus = (value: string): value is CatalogDraftStatus => value in catalogDraftTransitions

export const isEditableDraft = (status: CatalogDraftStatus): boolean => (editableDraftStatuses as readonly string[]).includes(status)

export function canMoveDraft(from: CatalogDraftStatus, to: CatalogDraftStatus): boolean {
  return (catalogDraftTransitions[from] as readonly CatalogDraftStatus[]).includes(to)
}

/** The commands staff issue on a draft, with the status each moves it to. */
export const catalogDraftCommandTargets = {
  submit: 'submitted',
  approve: 'approved',
  send_back: 'sent_back',
  reject: 'rejected',
  discard: 'discarded',
} as const satisfies Record<string, CatalogDraftStatus>

export type CatalogDraftCommand = keyof typeof catalogDraftCommandTargets
