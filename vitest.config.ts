import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'db/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // One file at a time (vitest's default on two cores). Two at a time failed twice in a PostgreSQL
    // migration test ("schema test_… does not exist" while migrating down and up), never with one:
    // not parallel until that is understood (issue 15 notes, workstream E).
  },
})
