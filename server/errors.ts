import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Alternative } from './domain/serviceability'
import type { ErrorLog } from './observability/logger'
import { requestIdOf } from './observability/request-tracking'
import { isDatabaseUnavailable } from './services/database-errors'

/** How long a client is asked to wait after a 503 `database_unavailable`. */
const DATABASE_RETRY_AFTER_SECONDS = 2

/** Every error the API answers with: a closed set of stable codes, each with its HTTP status. */
export const errorStatus = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  offering_not_found: 404,
  building_not_found: 404,
  quote_not_found: 404,
  order_not_found: 404,
  verification_not_found: 404,
  staff_user_not_found: 404,
  tenant_not_found: 404,
  tenant_import_not_found: 404,
  offer_code_not_found: 404,
  lead_not_found: 404,
  campaign_not_found: 404,
  catalog_draft_not_found: 404,
  catalog_version_not_found: 404,
  cross_site_request: 403,
  idempotency_conflict: 409,
  quote_already_ordered: 409,
  tenant_conflict: 409,
  email_taken: 409,
  campaign_taken: 409,
  email_visit_already_scheduled: 409,
  email_visit_not_cancellable: 409,
  offer_code_not_revocable: 409,
  catalog_draft_changed: 409,
  catalog_draft_not_editable: 409,
  own_draft_approval: 403,
  payload_too_large: 413,
  rate_limited: 429,
  offer_code_invalid: 422,
  not_eligible: 422,
  invalid_term: 422,
  invalid_configuration: 422,
  service_unavailable: 422,
  prior_spend_required: 422,
  below_minimum: 422,
  refer_to_manager: 422,
  negotiated_x_out_of_band: 422,
  quote_expired: 422,
  verification_code_wrong: 422,
  verification_expired: 422,
  email_not_verified: 422,
  install_slot_unavailable: 422,
  payment_unavailable: 422,
  manager_not_found: 422,
  own_admin_access: 422,
  internal_error: 500,
  database_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof errorStatus

export interface ErrorIssue {
  path: string
  message: string
  /** A catalog guardrail's code (server/pricing/guardrails), when that is what refused the field. */
  code?: string
  /** The message in both languages, where the check words it itself (guardrails do). */
  messages?: { zh: string; en: string }
}

/**
 * What an error body may carry besides code and message. `alternatives` comes with
 * `service_unavailable`: for each component the building cannot serve (`replaces`, also named by an
 * issue path `items.<code>`), the fastest one it can, so the customer is offered a way on.
 */
export interface ErrorDetails {
  issues?: ErrorIssue[]
  alternatives?: Alternative[]
  /** With `verification_code_wrong`: how many more codes may be tried before a new one is needed. */
  attemptsLeft?: number
}

/** `{"error": {"code", "message", "issues"?, "alternatives"?}}`: every error the API answers with. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string } & ErrorDetails
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly alternatives?: Alternative[],
  ) {
    super(message)
  }
}

/** A 429 `rate_limited` that says when to come back (the `Retry-After` header). */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many requests; please try again in ${retryAfterSeconds} seconds.`)
  }
}

/** A 422 `verification_code_wrong` that says how many tries are left. */
export class WrongVerificationCodeError extends AppError {
  constructor(readonly attemptsLeft: number) {
    super('verification_code_wrong', `The code is not right; ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`, [{ path: 'code', message: 'wrong code' }])
  }
}

export function errorBody(code: ErrorCode, message: string, details: ErrorDetails = {}): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(details.issues ? { issues: details.issues } : {}),
      ...(details.alternatives ? { alternatives: details.alternatives } : {}),
      ...(details.attemptsLeft !== undefined ? { attemptsLeft: details.attemptsLeft } : {}),
    },
  }
}

/** The one place errors become HTTP: known codes as they are, anything else a 500 without details. */
export function createErrorHandler(log: ErrorLog): ErrorHandler {
  return (error, c) => {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds))
    if (error instanceof AppError) {
      const attemptsLeft = error instanceof WrongVerificationCodeError ? error.attemptsLeft : undefined
      return c.json(errorBody(error.code, error.message, { issues: error.issues, alternatives: error.alternatives, attemptsLeft }), errorStatus[error.code])
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own refusals, e.g. a body that is not JSON, or a form posted from another site (csrf).
      const code: ErrorCode =
        error.status === 413 ? 'payload_too_large' : error.status === 404 ? 'not_found' : error.status === 403 ? 'cross_site_request' : 'invalid_request'
      return c.json(errorBody(code, error.message || 'The request could not be read.'), errorStatus[code])
    }
    if (isDatabaseUnavailable(error)) {
      // Not a fault of the request nor a crash: the database is away (restart, failover, overload) and
      // the pool reconnects by itself. Clients and nginx see a retryable 503, logs one line, no stack.
      log(`database unavailable: ${(error as Error).message}`, requestIdOf(c))
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
      return c.json(errorBody('database_unavailable', 'The service is briefly unavailable. Please try again in a few seconds.'), 503)
    }
    log(error, requestIdOf(c))
    return c.json(errorBody('internal_error', 'Something went wrong on our side. Please try again.'), 500)
  }
}
