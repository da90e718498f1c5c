import { randomBytes } from 'node:crypto'
import { hash, verify, type Algorithm } from '@node-rs/argon2'

/** Argon2id with OWASP's first recommended setting: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2ID = 2 as Algorithm // the package's const enum Algorithm.Argon2id (not importable under isolatedModules)
const argon2idOptions = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/**
 * Staff sign in with a password alone, so NIST SP 800-63B's single-factor minimum applies; the
 * maximum only bounds the work one request can ask of the hash.
 */
export const PASSWORD_MIN_LENGTH = 15
export const PASSWORD_MAX_LENGTH = 128

export const hashPassword = (password: string): Promise<string> => hash(password, argon2idOptions)

/** A stored hash that matches no password; malformed hashes count as a mismatch, never as a crash. */
export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password).catch(() => false)

let dummyHash: Promise<string> | undefined

/**
 * Signing in as nobody takes as long as signing in with a wrong password: the unknown address is
 * checked against a hash made with the same parameters, so timing does not tell who has an account.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'))
  await verifyPassword(await dummyHash, password)
  return false
}

/** A password to hand over once (new user, reset): 120 random bits in 20 URL-safe characters. */
export const generatePassword = (): string => randomBytes(15).toString('base64url')
