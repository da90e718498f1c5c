/** How long a console session lives: ended after `idleMinutes` without a request, and `absoluteHours` after sign-in at the latest. */
export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 }

/**
 * The cookie: `__Host-` (browsers then insist on Secure, Path=/ and no Domain) whenever the site
 * is served over https; plain http (local development, tests) cannot carry a Secure cookie.
 */
export function sessionCookie(siteUrl: string): { name: string; secure: boolean } {
  const secure = siteUrl.startsWith('https://')
  return { name: secure ? '__Host-console_session' : 'console_session', secure }
}
