import type { Context, MiddlewareHandler } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { DatabaseHandle } from '../../db/connect'
import { RateLimitedError } from '../errors'
import { createPostgresRateCounter, type RateCount } from './postgres-rate-counter'
import type { Services } from './services'

/** What is limited: per client address, and per identity where the request names one. */
export const limitRules = {
  quotes: 'stored quotes per client',
  previews: 'quote previews per client',
  offerCodes: 'refused offer codes per client',
  offerCodesPerCode: 'refused attempts per offer code',
  leads: 'callback requests per client',
  leadsPerMobile: 'callback requests per mobile number',
  orders: 'orders per client',
  ordersPerCompany: 'orders per company credit code',
  tracking: 'order look-ups per client',
  trackingPerOrder: 'order look-ups per order number',
  verifications: 'e-mail verification codes sent per client',
  verificationsPerEmail: 'e-mail verification codes sent per address',
  consoleLogins: 'failed console sign-ins per client',
  consoleLoginsPerAccount: 'failed console sign-ins per e-mail address',
} as const

export type LimitRule = keyof typeof limitRules

/** `points` requests in `seconds`. */
export interface Limit {
  points: number
  seconds: number
}

export type LimitSettings = Record<LimitRule, Limit>

export interface RateLimits {
  /** Counts one request against the rule for this key; refuses with 429 once the limit is used up. */
  take: (rule: LimitRule, key: string) => Promise<void>
  /**
   * For guesses (offer codes): refuses while the key's failures are used up, runs the attempt, and
   * counts it only when `failed` says it was a wrong guess, so honest repeats of a good one are free.
   */
  attempt: <T>(rule: LimitRule, key: string, run: () => Promise<T>, failed: (error: unknown) => boolean) => Promise<T>
}

/** Every 5 minutes, PostgreSQL's counters of ended windows are deleted. */
const SWEEP_INTERVAL_MS = 5 * 60 * 1000

interface Counter {
  consume: (key: string) => Promise<RateCount>
  get: (key: string) => Promise<RateCount | undefined>
}

/**
 * On PostgreSQL the counters are in the database (table rate_limits, created by migration 0004), so
 * every server process on the same database shares them, counted in batches (postgres-rate-counter.ts).
 * `sweepExpired` deletes ended windows' rows every 5 minutes (a long-running server wants it; a test
 * whose database is dropped does not).
 *
 * On SQLite exactly one server process serves a database (WORKERS above 1 is refused there), so its
 * memory is where all the counting happens anyway; counted in the file, every quote preview paid a
 * durable write (an fsync of a few ms, one after the other), which capped the whole API at a few
 * hundred requests a second. The counters start from zero when the server restarts.
 */
export function createRateLimits(driver: DatabaseHandle['driver'], settings: LimitSettings, options: { sweepExpired: boolean }): RateLimits {
  const shared = driver.kind === 'postgres' ? createPostgresRateCounter(driver.pool) : undefined
  const counterFor = (rule: LimitRule): Counter =>
    shared
      ? { consume: (key) => shared.consume(`${rule}:${key}`, settings[rule].seconds * 1000), get: (key) => shared.get(`${rule}:${key}`) }
      : memoryCounter(new RateLimiterMemory({ keyPrefix: rule, points: settings[rule].points, duration: settings[rule].seconds }))
  const counters = new Map((Object.keys(limitRules) as LimitRule[]).map((rule) => [rule, counterFor(rule)]))
  // A failed sweep leaves the rows to the next one: they are only counts of ended windows.
  if (shared && options.sweepExpired) setInterval(() => shared.sweepExpired().catch(() => undefined), SWEEP_INTERVAL_MS).unref()
  const counter = (rule: LimitRule) => counters.get(rule)!
  const refusal = (count: RateCount) => new RateLimitedError(Math.max(1, Math.ceil(count.msBeforeNext / 1000)))

  const take = async (rule: LimitRule, key: string) => {
    const count = await counter(rule).consume(key)
    if (count.consumedPoints > settings[rule].points) throw refusal(count)
  }
  return {
    take,
    attempt: async (rule, key, run, failed) => {
      const used = await counter(rule).get(key)
      if (used && used.consumedPoints >= settings[rule].points) throw refusal(used)
      try {
        return await run()
      } catch (error) {
        // The guess was answered: its own refusal stands even when it used up the limit.
        if (failed(error)) await take(rule, key).catch((refused) => Promise.reject(refused instanceof RateLimitedError ? error : refused))
        throw error
      }
    },
  }
}

/** rate-limiter-flexible's memory limiter as a counter: it rejects with its result once the limit is used up. */
function memoryCounter(limiter: RateLimiterMemory): Counter {
  return {
    consume: (key) => limiter.consume(key).catch((rejection: unknown) => (rejection instanceof RateLimiterRes ? rejection : Promise.reject(rejection))),
    get: async (key) => (await limiter.get(key)) ?? undefined,
  }
}

/**
 * The address limits are counted for: the socket's peer, or, behind a proxy we were told to trust,
 * the last X-Forwarded-For entry (the one our proxy added; earlier entries are the client's word).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  return addressOfClient(c.req.header('x-forwarded-for'), (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.remoteAddress, trustProxy)
}

/** The same for a page: its X-Forwarded-For header and the socket's peer address. */
export function addressOfClient(forwardedFor: string | undefined, peer: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = forwardedFor?.split(',').at(-1)?.trim()
    if (forwarded) return forwarded
  }
  return peer ?? 'unknown'
}

/** Counts every request of a route against the client's limit, before its body is even validated. */
export function limitPerClient(services: Pick<Services, 'limits' | 'trustProxy'>, rule: LimitRule): MiddlewareHandler {
  return async (c, next) => {
    await services.limits.take(rule, clientAddress(c, services.trustProxy))
    await next()
  }
}
