/*
 * The catalog's lifecycle: the only code that changes drafts and publishes catalog versions. Every
 * command runs in one transaction with its audit row, checked against the transition table in
 * server/domain/catalog-draft-status.ts.
 */
export { createDraft, saveDraftBook } from './editing'
export { approveDraft, discardDraft, rejectDraft, sendBackDraft, submitDraft } from './decisions'
export { withdrawRelease } from './withdrawal'
