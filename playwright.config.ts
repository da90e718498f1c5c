import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { defaultLimits, limitSettingName } from './server/config'
import { E2E_STRIPE_WEBHOOK_SECRET } from './tests/e2e/support/stripe'

/**
 * Browser tests against the built server (`npx astro build` first; `npm test` does it).
 * Every run starts the server on a FRESH SQLite database in a new temporary folder; the specs open
 * the same file read-only through E2E_DATABASE_PATH to check what was stored.
 */
const port = Number(process.env.E2E_PORT ?? 4599)
const baseURL = `http://127.0.0.1:${port}`

/**
 * Online payment goes to the project's fake Stripe (tests/support/fake-stripe), started as a second web
 * server: the app's Stripe SDK calls it (STRIPE_API_BASE), its hosted page /pay/:id completes a payment,
 * posts the signed webhook back to the app and returns the customer to the tracking page.
 */
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? 4598)
const stripeOrigin = `http://127.0.0.1:${stripePort}`
const stripeWebhookSecret = E2E_STRIPE_WEBHOOK_SECRET

// The config is loaded again in each worker process: only the runner (no TEST_WORKER_INDEX) makes the
// database folder; workers inherit the path through the environment.
if (process.env.TEST_WORKER_INDEX === undefined) {
  const folder = join(tmpdir(), `storefront-e2e-${Date.now()}`)
  mkdirSync(folder, { recursive: true })
  process.env.E2E_DATABASE_PATH = join(folder, 'e2e.db')
}
const databasePath = process.env.E2E_DATABASE_PATH!

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  workers: 1, // two cores, shared with the server
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  reporter: 'list',
  outputDir: 'test-results/playwright',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A trace records every action (~10-25 % of a journey's time); CI keeps no artefacts to open it from.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // Either may start first: the app calls Stripe only when a customer pays, the fake posts webhooks only then.
  webServer: [
    {
      command: 'node --import tsx tests/e2e/support/prepare-database.ts && node --import tsx server/main.ts',
      url: `${baseURL}/api/offerings`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: {
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: `file:${databasePath}`,
        // Tracking and payment links (and Stripe's success_url) must point at this test server.
        PUBLIC_BASE_URL: baseURL,
        STRIPE_SECRET_KEY: 'sk_test_e2e',
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        STRIPE_API_BASE: stripeOrigin,
        // Every journey comes from one address and orders with the same test company: the limits
        // themselves are tested in tests/security.
        ...Object.fromEntries(Object.keys(defaultLimits).map((rule) => [limitSettingName(rule as keyof typeof defaultLimits), '1000000/1h'])),
        SMTP_URL: '', // never mail anyone from a test run: notifications become data/outbox/*.eml
      },
    },
    {
      command: 'node --import tsx tests/support/fake-stripe/server.ts',
      url: `${stripeOrigin}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: {
        FAKE_STRIPE_PORT: String(stripePort),
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        FAKE_STRIPE_WEBHOOK_URL: `${baseURL}/api/webhooks/stripe`,
      },
    },
  ],
})
