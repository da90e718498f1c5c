/** An API answer before it is written out: status, JSON body, extra headers. */
export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> }

/** A Stripe API error: answered as `{ error }` with this status and headers. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly error: Record<string, string>, readonly headers: Record<string, string> = {}) {
    super(error.message)
  }
}

export const invalid = (message: string, param?: string, code?: string) =>
  new ApiError(400, { type: 'invalid_request_error', message, ...(param ? { param } : {}), ...(code ? { code } : {}) })
export const missing = (param: string) => invalid(`Missing required param: ${param}.`, param, 'parameter_missing')
