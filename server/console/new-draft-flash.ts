import { z } from 'zod'
import type { AppError } from '../errors'
import { newDraftIssues } from '../schemas/console-catalog'
import type { Services } from '../services/services'
import { firstText, staffFormFlash } from './staff-form-flash'

/**
 * The price book's "new draft" form refused: its fields as typed and what is wrong with each, so the
 * form comes back filled in with each mistake beside its field (the address carries only one field
 * name, and one message could not tell a missing code from a taken one).
 */
export const newDraftProblems = ['titleMissing', 'titleTooLong', 'copyAsMissing', 'copyAsWithoutOffering', 'copyAsFormat', 'copyAsTaken', 'copyOfferingUnknown', 'invalid'] as const
export type NewDraftProblem = (typeof newDraftProblems)[number]
export const newDraftFields = ['title', 'copyOffering', 'copyAs'] as const
export type NewDraftField = (typeof newDraftFields)[number]

const text = z.string().max(200).catch('')
const newDraftFormSchema = z.object({
  title: text,
  copyOffering: text,
  copyAs: text,
  problems: z.partialRecord(z.enum(newDraftFields), z.enum(newDraftProblems)).catch({}),
})
export type NewDraftFormValues = z.infer<typeof newDraftFormSchema>
const newDraftForm = staffFormFlash(newDraftFormSchema)

const problemOf = new Map<string, NewDraftProblem>(Object.entries(newDraftIssues).map(([problem, message]) => [message, problem as NewDraftProblem]))

/** Each field's first problem as the refusal names it (a problem the form has no words for is `invalid`). */
export function newDraftProblemsOf(error: AppError): NewDraftFormValues['problems'] {
  const problems: NewDraftFormValues['problems'] = {}
  for (const issue of error.issues ?? []) {
    const field = newDraftFields.find((name) => name === issue.path)
    if (field && !problems[field]) problems[field] = problemOf.get(issue.message) ?? 'invalid'
  }
  return problems
}

export const saveNewDraftForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, fields: Record<string, unknown>, error: AppError) =>
  newDraftForm.save(services, staffId, {
    title: firstText(fields.title, 200),
    copyOffering: firstText(fields.copyOffering, 200),
    copyAs: firstText(fields.copyAs, 200),
    problems: newDraftProblemsOf(error),
  })

export const readNewDraftForm = (services: Pick<Services, 'db' | 'now'>, staffId: string, id: string): Promise<NewDraftFormValues | undefined> => newDraftForm.read(services, staffId, id)
