import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'db/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Vitest runs cores - 1 files at once: ONE on CI's two cores. A file spends much of its time
    // importing the app and waiting on PostgreSQL or a server process it started, so two at a time
    // keep both cores busy (CI time budget, issue 15). Each file has its own databases and ports.
    maxWorkers: 2,
  },
})
