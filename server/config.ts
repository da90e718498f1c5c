import { z } from 'zod'
import type { DatabasePoolSettings } from '../db/connect'
import { defaultSessionPolicy, type SessionPolicy } from './console/session-policy'
import { defaultOperator, type Operator } from './domain/operator'
import { defaultOrderPolicy, type OrderPolicy } from './domain/order-policy'
import { logLevels } from './observability/log-levels'
import { DEFAULT_EMAIL_VISITS_PER_MINUTE } from './notifications/messages'
import { limitRules, type Limit, type LimitRule, type LimitSettings } from './services/rate-limits'

const databaseUrl = z
  .string()
  .refine((url) => url.startsWith('file:') || /^postgres(ql)?:\/\//.test(url), 'use file:PATH for SQLite or postgres://... for PostgreSQL')

const optionalUrl = z.url().optional()

/** An on/off setting: true, false, 1 or 0. */
const flag = (byDefault: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(byDefault)
    .transform((value) => value === 'true' || value === '1')

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const

/** `20/10m`: 20 requests per 10 minutes (units s, m, h, d). */
const limitSetting = z
  .string()
  .regex(/^\d+\/\d+[smhd]$/, 'write it as COUNT/PERIOD, e.g. 20/10m (units s, m, h, d)')
  .transform((text): Limit => {
    const [points, period] = text.split('/')
    return { points: Number(points), seconds: Number(period.slice(0, -1)) * SECONDS_PER_UNIT[period.at(-1) as keyof typeof SECONDS_PER_UNIT] }
  })
  .refine((limit) => limit.points > 0 && limit.seconds > 0, 'count and period must be above zero')

/**
 * Sensible for one storefront: a visitor configures live (a preview per change), asks for a few
 * quotes, one callback and one order; a script guessing offer codes or order links is stopped early.
 */
export const defaultLimits: Record<LimitRule, string> = {
  quotes: '60/10m',
  previews: '600/10m',
  offerCodes: '10/1h',
  offerCodesPerCode: '20/1h',
  leads: '10/1h',
  leadsPerMobile: '3/1h',
  orders: '20/1h',
  ordersPerCompany: '10/1h',
  tracking: '120/10m',
  trackingPerOrder: '60/10m',
  // Each code is a mail to someone's inbox: enough to resend a few times, too few to mail-bomb anyone.
  verifications: '10/1h',
  verificationsPerEmail: '5/1h',
  // Guessing passwords: a few mistakes per account, more per address (an office shares one).
  consoleLogins: '30/15m',
  consoleLoginsPerAccount: '5/15m',
}

/** quotes → RATE_LIMIT_QUOTES, offerCodesPerCode → RATE_LIMIT_OFFER_CODES_PER_CODE. */
export const limitSettingName = (rule: LimitRule) => `RATE_LIMIT_${rule.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`

const limitRuleNames = Object.keys(limitRules) as LimitRule[]

export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(4321),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: databaseUrl.default('file:./data/storefront.db'),
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address, e.g. https://bundles.example.cn' }).optional(),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    STRIPE_API_BASE: optionalUrl,
    SMTP_URL: optionalUrl,
    // Only behind a reverse proxy that sets X-Forwarded-For: anyone else could claim any address.
    TRUST_PROXY: flag('false'),
    // JSON log lines on stdout at this level and above (server/observability/logger.ts).
    LOG_LEVEL: z.enum(logLevels).default('info'),
    // Prometheus metrics at /metrics; keep it off the public internet (nginx denies it from outside).
    METRICS: flag('false'),
    // When set, a scrape of /metrics must send Authorization: Bearer <token>.
    METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    // On SIGTERM, requests still running after this long are cut off; systemd's TimeoutStopSec must be longer.
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    ORDER_REVIEW_PORT_SHARE_PERCENT: z.coerce.number().int().min(1).max(100).default(defaultOrderPolicy.reviewPortSharePercent),
    PAYMENT_DEADLINE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(defaultOrderPolicy.paymentDeadlineWorkingDays),
    INSTALL_CAPACITY_PER_HALF_DAY: z.coerce.number().int().min(1).max(500).default(defaultOrderPolicy.installCapacityPerHalfDay),
    PAYMENT_REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(59).default(defaultOrderPolicy.paymentReminderWorkingDays),
    // Anything but production gets the demo console users (db/seed/demo-staff.ts).
    NODE_ENV: z.string().default('development'),
    // Marketing mail at most this many a minute, so a big e-mail visit does not get the sender throttled or listed.
    EMAIL_VISIT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_EMAIL_VISITS_PER_MINUTE),
    // Server processes on the one port (node:cluster); more than one only on PostgreSQL (see server/workers.ts).
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    // PostgreSQL connections per process: WORKERS × DB_POOL_SIZE must stay under the server's max_connections.
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    // A statement running longer is cancelled (PostgreSQL statement_timeout) and the request answers 503.
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    // Waiting longer for a connection (a new one, or a free one from a busy pool) answers 503.
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
    // Statements prepared once per connection; false behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
    DB_PREPARE_STATEMENTS: flag('true'),
    CONSOLE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(defaultSessionPolicy.idleMinutes),
    CONSOLE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(defaultSessionPolicy.absoluteHours),
    // Shown in every page's footer and in the agreement and privacy pages.
    OPERATOR_NAME: z.string().trim().min(1).max(100).default(defaultOperator.name.zh),
    OPERATOR_NAME_EN: z.string().trim().min(1).max(100).default(defaultOperator.name.en),
    OPERATOR_HOTLINE: z.string().regex(/^[0-9+\-() ]{5,20}$/, 'a telephone number, e.g. 400-000-0000').default(defaultOperator.hotline),
    ICP_LICENCE: z.string().trim().min(1).max(60).default(defaultOperator.icpLicence),
    OPERATOR_PRIVACY_EMAIL: z.email().default(defaultOperator.privacyEmail),
    ...Object.fromEntries(limitRuleNames.map((rule) => [limitSettingName(rule), limitSetting.prefault(defaultLimits[rule])])),
  })
  .refine((config) => Boolean(config.STRIPE_SECRET_KEY) === Boolean(config.STRIPE_WEBHOOK_SECRET), {
    path: ['STRIPE_SECRET_KEY'],
    message: 'set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET together (online payment needs both), or neither',
  })
  .refine((config) => config.WORKERS === 1 || !config.DATABASE_URL.startsWith('file:'), {
    path: ['WORKERS'],
    message:
      'several server processes need PostgreSQL (DATABASE_URL=postgres://...): SQLite has one writer, and each process would keep its own group commit, rate-limit sweeps and background jobs on the one file; use WORKERS=1 on SQLite',
  })
  .refine((config) => config.PAYMENT_REMINDER_WORKING_DAYS < config.PAYMENT_DEADLINE_WORKING_DAYS, {
    path: ['PAYMENT_REMINDER_WORKING_DAYS'],
    message: 'the reminder must come before the payment deadline (fewer working days than PAYMENT_DEADLINE_WORKING_DAYS)',
  })

type ParsedConfig = z.infer<typeof configSchema>

export type Config = Pick<
  ParsedConfig,
  'PORT' | 'HOST' | 'DATABASE_URL' | 'PUBLIC_BASE_URL' | 'STRIPE_SECRET_KEY' | 'STRIPE_WEBHOOK_SECRET' | 'STRIPE_API_BASE' | 'SMTP_URL' | 'TRUST_PROXY' | 'EMAIL_VISIT_RATE_PER_MINUTE' | 'LOG_LEVEL' | 'METRICS' | 'METRICS_TOKEN' | 'SHUTDOWN_TIMEOUT_MS'
> & { workers: number; pool: DatabasePoolSettings } & { limits: LimitSettings; orderPolicy: OrderPolicy; sessionPolicy: SessionPolicy; demoStaff: boolean; operator: Operator }

export class ConfigError extends Error {}

/** Validates the environment once at start-up; a bad value stops the server with a plain message. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = configSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`)
    throw new ConfigError(`Invalid settings in the environment:\n${problems.join('\n')}`)
  }
  const settings = parsed.data as ParsedConfig & Record<string, Limit>
  return {
    ...settings,
    limits: Object.fromEntries(limitRuleNames.map((rule) => [rule, settings[limitSettingName(rule)]])) as LimitSettings,
    orderPolicy: {
      reviewPortSharePercent: settings.ORDER_REVIEW_PORT_SHARE_PERCENT,
      paymentDeadlineWorkingDays: settings.PAYMENT_DEADLINE_WORKING_DAYS,
      paymentReminderWorkingDays: settings.PAYMENT_REMINDER_WORKING_DAYS,
      installCapacityPerHalfDay: settings.INSTALL_CAPACITY_PER_HALF_DAY,
    },
    demoStaff: settings.NODE_ENV !== 'production',
    operator: {
      name: { zh: settings.OPERATOR_NAME, en: settings.OPERATOR_NAME_EN },
      hotline: settings.OPERATOR_HOTLINE,
      icpLicence: settings.ICP_LICENCE,
      privacyEmail: settings.OPERATOR_PRIVACY_EMAIL,
    },
    sessionPolicy: { idleMinutes: settings.CONSOLE_SESSION_IDLE_MINUTES, absoluteHours: settings.CONSOLE_SESSION_MAX_HOURS },
    workers: settings.WORKERS,
    pool: { size: settings.DB_POOL_SIZE, statementTimeoutMs: settings.DB_STATEMENT_TIMEOUT_MS, connectTimeoutMs: settings.DB_CONNECT_TIMEOUT_MS, prepareStatements: settings.DB_PREPARE_STATEMENTS },
  }
}
