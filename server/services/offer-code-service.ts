import { AppError, RateLimitedError } from '../errors'
import { findOfferCode, offerCodeState, type OfferCode, type OfferCodeState } from '../repositories/offer-codes-repository'
import { guardOfferCodeGuess } from './offer-code-guard'
import type { Services } from './services'

export type OfferCodeLookup =
  | { state: 'usable'; code: string; offerCode: OfferCode }
  | { state: Exclude<OfferCodeState, 'usable'> }
  | { state: 'rate_limited'; retryAfterSeconds: number }

/** A refused guess: counted by the limits like the API's `offer_code_invalid`, and says why. */
class OfferCodeRefusal extends AppError {
  constructor(readonly state: Exclude<OfferCodeState, 'usable'>) {
    super('offer_code_invalid', `This offer code is ${state}.`, [{ path: 'offerCode', message: state }])
  }
}

/** As a customer types a code from a letter or a message: full-width letters, spaces, lower case. */
export function normaliseOfferCode(typed: string): string {
  return typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

const MAX_CODE_LENGTH = 64

/**
 * Looks a typed code up for the offer page and the win-back configurator (for that offering only,
 * when `offeringSlug` is given). Wrong, used and expired codes are refused guesses under the same
 * per-client and per-code limits as the API's; the page says which it was.
 */
export async function lookUpOfferCode(services: Services, typed: string, client: string, offeringSlug?: string): Promise<OfferCodeLookup> {
  const code = normaliseOfferCode(typed)
  try {
    const offerCode = await guardOfferCodeGuess(services.limits, client, code.slice(0, MAX_CODE_LENGTH), async () => {
      const found = code.length <= MAX_CODE_LENGTH ? await findOfferCode(services.db, code) : undefined
      const state = offerCodeState(found, offeringSlug, services.now())
      if (state !== 'usable') throw new OfferCodeRefusal(state)
      return found!
    })
    return { state: 'usable', code, offerCode }
  } catch (error) {
    if (error instanceof OfferCodeRefusal) return { state: error.state }
    if (error instanceof RateLimitedError) return { state: 'rate_limited', retryAfterSeconds: error.retryAfterSeconds }
    throw error
  }
}
