import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { attributeToRecipient, findRecipientByToken } from '../repositories/email-visits-repository'

/** Set when a recipient follows a link of an e-mail visit: a lead or order from this browser is the visit's. */
export const EMAIL_VISIT_COOKIE = 'sf_visit'
/** A click counts for a lead or order within 30 days. */
export const EMAIL_VISIT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60

export function emailVisitCookieOptions(siteUrl: string) {
  return { path: '/', maxAge: EMAIL_VISIT_MAX_AGE_SECONDS, httpOnly: true, sameSite: 'Lax', secure: siteUrl.startsWith('https:') } as const
}

/** The token's shape: anything else in the cookie is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{20,64}$/

/**
 * Marks a new lead or order as the e-mail visit's when the browser carries a visit cookie whose token
 * is one we issued (a made-up value attributes nothing). Best effort after the record is committed: an
 * attribution that fails must not fail the customer's order.
 */
export async function attributeToEmailVisit(db: Kysely<Database>, table: 'leads' | 'orders', id: string, cookie: string | undefined, log: (error: unknown) => void): Promise<void> {
  if (!cookie || !TOKEN.test(cookie)) return
  try {
    const recipient = await findRecipientByToken(db, cookie)
    if (recipient) await attributeToRecipient(db, table, id, recipient.id)
  } catch (error) {
    log(error)
  }
}
