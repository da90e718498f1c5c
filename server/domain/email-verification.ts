import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

/** A code a person reads in their mail and types: 6 digits. */
export const VERIFICATION_CODE_DIGITS = 6
/** How long a mailed code can be confirmed. */
export const VERIFICATION_CODE_MINUTES = 10
/** Wrong codes allowed per verification: 5 guesses of a million leave an attacker nothing. */
export const VERIFICATION_MAX_ATTEMPTS = 5
/** Once confirmed, how long the order form may take before the proof must be renewed. */
export const VERIFIED_EMAIL_MINUTES = 60

export function newVerificationCode(): string {
  return String(randomInt(0, 10 ** VERIFICATION_CODE_DIGITS)).padStart(VERIFICATION_CODE_DIGITS, '0')
}

/** Salted with the verification's id, so equal codes of two verifications never share a hash. */
export function verificationCodeHash(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex')
}

export function isVerificationCode(id: string, code: string, storedHash: string): boolean {
  return timingSafeEqual(Buffer.from(verificationCodeHash(id, code), 'hex'), Buffer.from(storedHash, 'hex'))
}

/** Addresses are compared as people mean them: the same mailbox whatever the letter case. */
export function sameEmail(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b)
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
