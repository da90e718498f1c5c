/** The pricing engine's refusals, in the order PRICING.md says they win when several apply. */
export const pricingErrorCodes = [
  'not_eligible',
  'invalid_term',
  'invalid_configuration',
  'prior_spend_required',
  'negotiated_x_out_of_band',
  'below_minimum',
  'refer_to_manager',
] as const

export type PricingErrorCode = (typeof pricingErrorCodes)[number]

export interface PricingError {
  code: PricingErrorCode
  message: string
  /** The request field that caused it (e.g. `items.mobile-line`), so a form can show it in place. */
  field?: string
}

export function pricingError(code: PricingErrorCode, message: string, field?: string): PricingError {
  return field === undefined ? { code, message } : { code, message, field }
}
