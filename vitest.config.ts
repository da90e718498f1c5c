import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'db/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/worker-database.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two files at a time on two cores: much of a file's time is waiting on PostgreSQL, SQLite's fsync
    // or a server process. Each worker has a PostgreSQL database of its own (tests/support/worker-database.ts).
    maxWorkers: 2,
  },
})
