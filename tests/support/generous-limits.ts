import { limitRules, type LimitRule, type LimitSettings } from '../../server/services/rate-limits'

/** Limits no functional test or benchmark reaches (tests of the limits set their own). */
export const generousLimits: LimitSettings = Object.fromEntries(
  (Object.keys(limitRules) as LimitRule[]).map((rule) => [rule, { points: 1_000_000, seconds: 60 }]),
) as LimitSettings
