import { z } from 'zod'

const databaseUrl = z
  .string()
  .refine((url) => url.startsWith('file:') || /^postgres(ql)?:\/\//.test(url), 'use file:PATH for SQLite or postgres://... for PostgreSQL')

const optionalUrl = z.url().optional()

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(4321),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: databaseUrl.default('file:./data/storefront.db'),
  PUBLIC_BASE_URL: optionalUrl,
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  STRIPE_API_BASE: optionalUrl,
  SMTP_URL: optionalUrl,
})

export type Config = z.infer<typeof configSchema>

export class ConfigError extends Error {}

/** Validates the environment once at start-up; a bad value stops the server with a plain message. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = configSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`)
    throw new ConfigError(`Invalid settings in the environment:\n${problems.join('\n')}`)
  }
  return parsed.data
}
