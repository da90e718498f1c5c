import { AppError, type ErrorIssue } from '../../errors'
import { priceBookSchema, type PriceBook } from '../../pricing/catalog-schema'
import { checkGuardrails, schemaGuardrailCode } from '../../pricing/guardrails'

/**
 * A draft's price book checked as a whole: it must parse (every rule kind validates its args) and keep
 * every guardrail. Refused with one issue per problem, each naming the field from the book's root
 * (`offerings.6.rule.plans.1.commitmentBp`) and, for a guardrail, its code and words in both languages.
 */
export function checkedBook(book: unknown): PriceBook {
  const parsed = priceBookSchema.safeParse(book)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue): ErrorIssue => {
      const code = schemaGuardrailCode(issue)
      return { path: issue.path.join('.') || '(root)', message: issue.message, ...(code ? { code } : {}) }
    })
    throw new AppError('invalid_request', 'The price book is not valid.', issues)
  }
  const violations = checkGuardrails(parsed.data)
  if (violations.length > 0) {
    throw new AppError(
      'invalid_request',
      'The price book breaks a guardrail.',
      violations.map((violation) => ({ path: violation.path.join('.'), message: violation.message.en, code: violation.code, messages: violation.message })),
    )
  }
  return parsed.data
}
