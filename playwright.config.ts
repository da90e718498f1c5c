import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import { defaultLimits, limitSettingName } from './server/config'
import { E2E_STRIPE_WEBHOOK_SECRET } from './tests/e2e/support/stripe'

/**
 * Browser tests against the built server (`npm run build` first: the site and the compiled server; `npm test` does it).
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

/**
 * Journeys that change what every other journey sees while they run: they run alone, after the others.
 * console-catalog-change publishes a plan B price for a while (others quote, preview and edit plan B).
 * The rest share the database without stepping on each other: each counts only its own rows (its
 * campaign tag, its order number, a building nobody else orders at); install slots are booked only
 * when operations schedule a paid order, and install-slot-full fills a half-day nobody else books.
 */
const runAlone = ['**/console-catalog-change.spec.ts']

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  // Two cores, shared with the server and the browsers: two journeys at a time keep both busy while
  // one waits on the server or a hydration (CI time budget, issue 15). Spec files are the unit.
  workers: 2,
  retries: 0,
  fullyParallel: false,
  projects: [
    { name: 'side-by-side', testIgnore: runAlone },
    { name: 'alone', testMatch: runAlone, dependencies: ['side-by-side'], workers: 1 },
  ],
  forbidOnly: true,
  reporter: 'list',
  outputDir: 'test-results/playwright',
  // Two journeys share two cores with the server: a step may wait on the other's work for a while.
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
      command: 'node --import tsx tests/e2e/support/prepare-database.ts && exec node dist/app/server/main.js',
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
      command: 'exec node --import tsx tests/support/fake-stripe/server.ts',
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
