import { z } from 'zod'
import { abandonedQuoteCandidates, type EmailVerification } from '../repositories/email-verifications-repository'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import { findQuote, findQuoteAttribution } from '../repositories/quotes-repository'
import { followUpDetailsSchema } from '../schemas/email-verification'
import { isUniqueViolation } from '../services/database-errors'
import { insertRoutedLead } from '../services/lead-service'
import type { Services } from '../services/services'

/** How long a verified customer's quote may wait unordered before their building manager follows it up. */
export const ABANDONED_QUOTE_DAYS = 2
/** Consents older than this (a week, as long as a quote is valid) are not followed up any more. */
const CONSENT_WINDOW_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000
const BATCH = 100

/** What sendVerificationCode kept with the consent: the details as typed, and the checkout's language. */
const storedFollowUp = followUpDetailsSchema.extend({ lang: z.enum(['zh', 'en']).default('zh') })

/**
 * A customer who verified their e-mail at checkout, agreeing to be called about their quote, and has
 * not ordered it two days later becomes a lead (source `abandoned_quote`) for the building's manager,
 * once per quote (a unique index holds it even when two processes try at once). Answers how many.
 */
export async function leadAbandonedQuotes(services: Pick<Services, 'db' | 'now'>): Promise<number> {
  const now = services.now().getTime()
  const due = await abandonedQuoteCandidates(services.db, new Date(now - CONSENT_WINDOW_DAYS * DAY_MS).toISOString(), new Date(now - ABANDONED_QUOTE_DAYS * DAY_MS).toISOString(), BATCH)
  let created = 0
  for (const verification of due) if (await leadOfVerification(services, verification)) created += 1
  return created
}

async function leadOfVerification(services: Pick<Services, 'db' | 'now'>, verification: EmailVerification): Promise<boolean> {
  const quoteId = verification.quote_id!
  const quote = await findQuote(services.db, quoteId)
  const typed = storedFollowUp.safeParse(JSON.parse(verification.follow_up_json ?? '{}'))
  if (!quote || !typed.success) return false
  const details = typed.data
  // The building the quote was made for, else the one the customer had chosen at checkout.
  const found = (quote.buildingId ? await findBuildingWithManager(services.db, quote.buildingId) : undefined) ?? (details.buildingId ? await findBuildingWithManager(services.db, details.buildingId) : undefined)
  const attribution = await findQuoteAttribution(services.db, quoteId)
  try {
    return await services.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('leads').select('id').where('quote_id', '=', quoteId).where('source', '=', 'abandoned_quote').executeTakeFirst()
      if (taken) return false
      await insertRoutedLead(
        services,
        trx,
        {
          source: 'abandoned_quote',
          company: details.company ?? verification.email,
          contact_name: details.contactName ?? verification.email,
          // A lead without a mobile is reached by its verified e-mail; it never matches an order's mobile.
          mobile: details.mobile ?? '',
          email: verification.email,
          credit_code: details.creditCode ?? null,
          note: null,
          lang: details.lang,
          offering_slug: quote.offering,
          quote_id: quoteId,
          attribution_json: attribution ? JSON.stringify(attribution) : null,
        },
        found,
      )
      return true
    })
  } catch (error) {
    // Another process made this quote's lead first.
    if (isUniqueViolation(error)) return false
    throw error
  }
}
