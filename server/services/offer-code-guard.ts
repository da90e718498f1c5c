import { AppError } from '../errors'
import type { RateLimits } from './rate-limits'

export const isRefusedOfferCode = (error: unknown) => error instanceof AppError && error.code === 'offer_code_invalid'

/**
 * Offer codes are guessable secrets: a wrong guess counts against the client and against the code
 * (a right one costs nothing); once either is used up every guess is refused with 429 until it resets.
 */
export function guardOfferCodeGuess<T>(limits: RateLimits, client: string, code: string, run: () => Promise<T>): Promise<T> {
  return limits.attempt('offerCodes', client, () => limits.attempt('offerCodesPerCode', code, run, isRefusedOfferCode), isRefusedOfferCode)
}
