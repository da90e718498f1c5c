import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import {
  isVerificationCode,
  newVerificationCode,
  normalizeEmail,
  sameEmail,
  VERIFICATION_CODE_MINUTES,
  VERIFICATION_MAX_ATTEMPTS,
  VERIFIED_EMAIL_MINUTES,
  verificationCodeHash,
} from '../domain/email-verification'
import { AppError, WrongVerificationCodeError } from '../errors'
import { enqueue } from '../notifications/messages'
import {
  confirmEmailVerification,
  findEmailVerification,
  insertEmailVerification,
  takeVerificationAttempt,
  type EmailVerification,
} from '../repositories/email-verifications-repository'
import { findQuote } from '../repositories/quotes-repository'
import type { VerificationProof, VerificationRequest } from '../schemas/email-verification'
import type { Services } from './services'

const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()

/**
 * Mails a new one-time code to the address (on the outbox's first lane); only its hash is stored. With
 * the customer's consent, the quote and their details are kept so an abandoned quote becomes a lead.
 */
export async function sendVerificationCode(services: Pick<Services, 'db' | 'now'>, request: VerificationRequest): Promise<{ id: string; expiresAt: string }> {
  const now = services.now()
  const id = randomUUID()
  const code = newVerificationCode()
  const email = normalizeEmail(request.email)
  const expiresAt = minutesAfter(now, VERIFICATION_CODE_MINUTES)
  // Without consent nothing but the address is kept; with it, the quote and what was typed, for the manager.
  const followUp = request.consent ? request.followUp : undefined
  if (followUp && !(await findQuote(services.db, followUp.quoteId))) {
    throw new AppError('quote_not_found', 'There is no quote with this id.', [{ path: 'followUp.quoteId', message: 'unknown quote' }])
  }
  await services.db.transaction().execute(async (trx) => {
    await insertEmailVerification(trx, {
      id,
      email,
      code_hash: verificationCodeHash(id, code),
      attempts: 0,
      expires_at: expiresAt,
      confirmed_at: null,
      used_at: null,
      order_id: null,
      created_at: now.toISOString(),
      follow_up_consent: request.consent ? 1 : 0,
      quote_id: followUp?.quoteId ?? null,
      follow_up_json: followUp ? JSON.stringify({ ...followUp, lang: request.lang }) : null,
    })
    await enqueue(trx, { kind: 'email_verification', recipient: email, lang: request.lang, payload: { verificationId: id, code, validMinutes: VERIFICATION_CODE_MINUTES } }, now)
  })
  return { id, expiresAt }
}

/** The confirm step of the order form: right code → the address is proven for a while. */
export async function confirmVerificationCode(services: Pick<Services, 'db' | 'now'>, id: string, code: string): Promise<EmailVerification> {
  const verification = await findEmailVerification(services.db, id)
  if (!verification) throw new AppError('verification_not_found', 'There is no e-mail verification with this id; send a new code.')
  return proveCode(services.db, verification, code, services.now())
}

/** An order without a verification, or with one that does not exist, is refused alike. */
const unverified = () =>
  new AppError('email_not_verified', 'Verify the contact e-mail before ordering: request a code, then send the verification with the order.', [
    { path: 'verification', message: 'required' },
  ])

/** The order's proof of its e-mail: refused when the order came without one. */
export function presentedProof(proof: VerificationProof | undefined): VerificationProof {
  if (!proof) throw unverified()
  return proof
}

/**
 * What an order needs: a verification, unused and unexpired, of exactly the contact's address, with
 * its code. `verification` is the row of `proof.id`, read by the caller with the order's other reads.
 * Returns it; the order then writes to its address only, and uses it up (one order each).
 */
export async function verifiedOrderEmail(
  db: Kysely<Database>,
  proof: VerificationProof,
  verification: EmailVerification | undefined,
  contactEmail: string,
  now: Date,
): Promise<EmailVerification> {
  if (!verification) throw unverified()
  if (!sameEmail(verification.email, contactEmail)) {
    throw new AppError('email_not_verified', 'The verification is for another e-mail address than the contact’s; verify this address.', [
      { path: 'contact.email', message: 'not the verified address' },
    ])
  }
  return proveCode(db, verification, proof.code, now)
}

/** A verification proves one order's address: a second order with it is refused. */
export const usedVerification = () =>
  new AppError('email_not_verified', 'This verification was used for an order already; verify the e-mail again.', [{ path: 'verification', message: 'used' }])

async function proveCode(db: Kysely<Database>, verification: EmailVerification, code: string, now: Date): Promise<EmailVerification> {
  const at = now.toISOString()
  if (verification.used_at) throw usedVerification()
  if (verification.expires_at <= at) throw new AppError('verification_expired', 'This code has expired; send a new one.', [{ path: 'code', message: 'expired' }])
  // Proven once already: the same right code again costs no attempt (the order after the confirm step).
  if (verification.confirmed_at && isVerificationCode(verification.id, code, verification.code_hash)) return verification
  const attempts = await takeVerificationAttempt(db, verification.id, VERIFICATION_MAX_ATTEMPTS)
  if (attempts === undefined) {
    // No attempt is taken from a used verification either: an order sent at once with the same proof
    // may have used it since it was read here, and this order is then the second one, not a guess.
    if ((await findEmailVerification(db, verification.id))?.used_at) throw usedVerification()
    throw new AppError('verification_expired', 'This code has been tried too many times; send a new one.', [{ path: 'code', message: 'no attempts left' }])
  }
  if (!isVerificationCode(verification.id, code, verification.code_hash)) throw new WrongVerificationCodeError(VERIFICATION_MAX_ATTEMPTS - attempts)
  const validUntil = minutesAfter(now, VERIFIED_EMAIL_MINUTES)
  await confirmEmailVerification(db, verification.id, at, validUntil)
  return { ...verification, confirmed_at: at, expires_at: validUntil }
}
